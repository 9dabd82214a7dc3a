import Foundation

/// A student's grades in Gradescope's `results.json` format: one test per exercise, worth one
/// point per check, with the checks and messages as Markdown output.
public struct GradescopeResults: Codable, Equatable, Sendable {
  /// One Gradescope test.
  public struct Test: Codable, Equatable, Sendable {
    /// `Exercise (Lesson)`.
    public var name: String
    /// Checks passed.
    public var score: Double
    /// Checks run.
    public var maxScore: Double
    /// `passed` or `failed`.
    public var status: String
    /// The checks and messages, Markdown.
    public var output: String
    /// Always `md`.
    public var outputFormat: String
    /// Always `visible`.
    public var visibility: String

    enum CodingKeys: String, CodingKey {
      case name, score, status, output, visibility
      case maxScore = "max_score"
      case outputFormat = "output_format"
    }
  }

  /// The submission's score.
  public var score: Double
  /// Seconds spent grading it.
  public var executionTime: Double
  /// Notes for the whole submission, Markdown.
  public var output: String
  /// Always `md`.
  public var outputFormat: String
  /// Always `visible`.
  public var visibility: String
  /// The grader's own log stays hidden from students.
  public var stdoutVisibility: String
  /// The exercises.
  public var tests: [Test]

  enum CodingKeys: String, CodingKey {
    case score, output, visibility, tests
    case executionTime = "execution_time"
    case outputFormat = "output_format"
    case stdoutVisibility = "stdout_visibility"
  }

  /// The results of `student`.
  public init(_ student: StudentGrade, limits: CheckLimits) {
    score = Double(student.score)
    executionTime = (student.seconds * 10).rounded() / 10
    var notes = [
      "\(student.score) / \(student.maxScore) checks passed. Each exercise ran in its own process, limited to \(Int(limits.timeout)) s and \(limits.memoryMegabytes) MB."
    ]
    if !student.notes.isEmpty {
      notes.append(student.notes.map { "- " + FeedbackReport.inline($0) }.joined(separator: "\n"))
    }
    output = notes.joined(separator: "\n\n")
    outputFormat = "md"
    visibility = "visible"
    stdoutVisibility = "hidden"
    tests = student.exercises.map { exercise in
      Test(
        name: "\(exercise.exercise) (\(exercise.lesson))", score: Double(exercise.score),
        maxScore: Double(exercise.maxScore),
        status: exercise.status == .passed ? "passed" : "failed",
        output: "**\(exercise.status.rawValue)**\n\n" + FeedbackReport.details(exercise),
        outputFormat: "md", visibility: "visible")
    }
  }

  /// The JSON document, keys sorted.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
