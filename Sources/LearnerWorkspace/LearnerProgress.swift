import Foundation
import Harness

/// What the learner has done, kept in `.workbook/progress.json` (see `ProgressFile` for how it
/// is read, repaired and written under a lock).
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
  }

  /// Exercise name → its last verdict.
  public var exercises: [String: Verdict] = [:]
  /// How many hints of each exercise the learner has seen.
  public var hintsShown: [String: Int] = [:]
  /// Question id → Leitner box (1 = ask soon, 5 = well known).
  public var quizBoxes: [String: Int] = [:]

  /// Creates empty progress.
  public init() {}

  private enum CodingKeys: String, CodingKey {
    case exercises, hintsShown, quizBoxes
  }

  /// Decodes progress; a missing key is an empty table, so `{}` (and a file written before a
  /// table existed) reads as a fresh start rather than as damage.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    exercises = try container.decodeIfPresent([String: Verdict].self, forKey: .exercises) ?? [:]
    hintsShown = try container.decodeIfPresent([String: Int].self, forKey: .hintsShown) ?? [:]
    quizBoxes = try container.decodeIfPresent([String: Int].self, forKey: .quizBoxes) ?? [:]
  }

  /// The file inside a workspace.
  public static func file(in workspace: Workspace) -> URL {
    workspace.stateFolder.appendingPathComponent("progress.json")
  }

  /// Reads the progress of a workspace: a missing, empty or `{}` file is a fresh start; a
  /// damaged one is moved aside (`warn` gets one line naming its new name) and replaced by a
  /// fresh start, so no command is ever blocked by it.
  public static func load(
    from workspace: Workspace, warn: (String) -> Void = Warning.print
  ) throws -> LearnerProgress {
    try ProgressFile(workspace: workspace).load(warn: warn)
  }

  /// Re-reads the progress under the workbook's lock, applies `change`, and writes it back
  /// atomically before the lock is released, so two commands never undo each other's updates.
  @discardableResult
  public static func update<T>(
    in workspace: Workspace, warn: (String) -> Void = Warning.print,
    _ change: (inout LearnerProgress) throws -> T
  ) throws -> T {
    try ProgressFile(workspace: workspace).update(warn: warn, change)
  }
}

extension LearnerProgress.Verdict {
  /// The verdict of a run that ended with these results; `passed` is the run's own verdict,
  /// since a run that crashed fails even when every check it finished passed.
  public init(passed: Bool, results: [CheckResult], checkedAt: Date = Date()) {
    self.init(
      passed: passed, checksPassed: results.filter(\.passed).count, checksTotal: results.count,
      checkedAt: checkedAt)
  }
}
