import Foundation

/// What the learner has done, kept in `.workbook/progress.json` and written atomically, so a
/// kill in the middle of a write leaves the previous version intact.
public struct LearnerProgress: Codable, Sendable, Equatable {
  /// The last verdict of one exercise.
  public struct Verdict: Codable, Sendable, Equatable {
    /// Whether every check passed.
    public var passed: Bool
    /// Checks passed at the last run.
    public var checksPassed: Int
    /// Checks run at the last run.
    public var checksTotal: Int
    /// When it was last checked.
    public var checkedAt: Date

    /// Creates a verdict.
    public init(passed: Bool, checksPassed: Int, checksTotal: Int, checkedAt: Date) {
      self.passed = passed
      self.checksPassed = checksPassed
      self.checksTotal = checksTotal
      self.checkedAt = checkedAt
    }
  }

  /// Exercise name → its last verdict.
  public var exercises: [String: Verdict] = [:]
  /// How many hints of each exercise the learner has seen.
  public var hintsShown: [String: Int] = [:]
  /// Question id → Leitner box (1 = ask soon, 5 = well known).
  public var quizBoxes: [String: Int] = [:]

  /// Creates empty progress.
  public init() {}

  /// The file inside a workspace.
  public static func file(in workspace: Workspace) -> URL {
    workspace.stateFolder.appendingPathComponent("progress.json")
  }

  /// Reads the progress of a workspace; a missing file is a fresh start, a damaged one an error
  /// that names it.
  public static func load(from workspace: Workspace) throws -> LearnerProgress {
    let url = file(in: workspace)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return LearnerProgress()
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode(LearnerProgress.self, from: data)
    } catch {
      throw WorkbookError(
        "\(url.path): damaged progress file (\(error.localizedDescription)); move it away to start afresh"
      )
    }
  }

  /// Writes the progress atomically.
  public func save(to workspace: Workspace) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(self), to: Self.file(in: workspace))
  }
}
