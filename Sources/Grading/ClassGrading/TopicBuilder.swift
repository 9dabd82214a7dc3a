import Foundation

/// One compiler error: the line the compiler printed (paths relative to the copy) and the file
/// it names, if any.
public struct CompilerError: Sendable, Equatable {
  /// The file the error is in, relative to the workbook, or nil (a linker error, for example).
  public let file: String?
  /// The whole line, `Exercises/T/E.swift:3:5: error: …`.
  public let line: String

  /// Creates an error.
  public init(file: String?, line: String) {
    self.file = file
    self.line = line
  }

  /// The errors of a build log, each once, in order, with `root/` removed from paths; when the
  /// log has no `file:line:column: error:` line, its last lines, so a failure never goes
  /// unexplained.
  public static func parse(_ log: String, root: URL, limit: Int = 30) -> [CompilerError] {
    let prefix = root.standardizedFileURL.path + "/"
    var seen = Set<String>()
    var errors: [CompilerError] = []
    for raw in log.split(separator: "\n") where raw.contains(": error: ") {
      let line = raw.replacingOccurrences(of: prefix, with: "")
      guard seen.insert(line).inserted else { continue }
      let location = line.components(separatedBy: ": error: ")[0]
      let parts = location.split(separator: ":")
      let file = parts.count >= 3 && parts[1].allSatisfy(\.isNumber) ? String(parts[0]) : nil
      errors.append(CompilerError(file: file, line: line))
    }
    if errors.isEmpty {
      errors = log.split(separator: "\n").suffix(15).map {
        CompilerError(file: nil, line: $0.replacingOccurrences(of: prefix, with: ""))
      }
    }
    if errors.count > limit {
      errors =
        Array(errors.prefix(limit))
        + [CompilerError(file: nil, line: "(more errors not shown)")]
    }
    return errors
  }
}

/// Builds a topic's check executable (`<Topic>Check`) in a grading copy with SwiftPM.
struct TopicBuilder {
  /// The grading copy's folder.
  let root: URL
  /// The sandbox the build runs in (the compiler reads student files), or nil.
  var sandbox: Sandbox? = nil
  /// Seconds a build may take before it is interrupted.
  var timeout: Double = 900

  /// The executable, or the errors of the failed build.
  func build(topic: String) -> Result<URL, BuildErrors> {
    let refused = ExerciseImports.refusals(topic: topic, root: root)
    guard refused.isEmpty else {
      return .failure(
        BuildErrors(errors: CompilerError.parse(refused.joined(separator: "\n"), root: root)))
    }
    let product = topic + "Check"
    let command = ["swift", "build", "--product", product]
    let result = TimedCommand(
      arguments: sandbox?.buildArguments(copy: root, command: command) ?? command, folder: root,
      timeout: timeout
    ).run()
    let executable = root.appendingPathComponent(".build/debug/\(product)")
    if result.status == 0, FileManager.default.isExecutableFile(atPath: executable.path) {
      return .success(executable)
    }
    if result.timedOut {
      return .failure(
        BuildErrors(errors: [
          CompilerError(file: nil, line: "the build took longer than \(Int(timeout)) s")
        ]))
    }
    return .failure(BuildErrors(errors: CompilerError.parse(result.output, root: root)))
  }
}

/// A failed build.
struct BuildErrors: Error {
  /// What the compiler said.
  let errors: [CompilerError]
}
