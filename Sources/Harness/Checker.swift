import Foundation

/// The `main` of a topic's check executable (`Tests/<Topic>/Check/main.swift`).
///
/// `NumberFormatsCheck FloatDecoding` grades one exercise and writes one JSON line per event to
/// its standard output; `--list` prints the exercise names. Whatever the student's code prints
/// goes to standard error instead, so it can never be mistaken for a verdict. One exercise per
/// process is what lets the parent report a crash or a hang and still grade the others.
public enum Checker {
  /// Parses the command line, grades what it names, and exits.
  public static func main(_ exercises: [Exercise]) -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments == ["--list"] {
      for exercise in exercises {
        print("\(exercise.name)\t\(exercise.lesson)\t\(exercise.section)")
      }
      exit(0)
    }
    let selected = arguments.isEmpty ? exercises : exercises.filter { arguments.contains($0.name) }
    guard selected.count == max(arguments.count, selected.count), !selected.isEmpty else {
      let known = exercises.map(\.name).joined(separator: ", ")
      FileHandle.standardError.write(
        Data("unknown exercise in \(arguments); known: \(known)\n".utf8))
      exit(64)
    }
    let channel = ProtocolChannel()
    for exercise in selected {
      channel.send(ProtocolLine(.planned(checks: exercise.plannedChecks())))
      _ = exercise.run { channel.send(ProtocolLine($0)) }
    }
    exit(0)
  }
}

/// One line of the check protocol between a check executable and the process that runs it.
struct ProtocolLine: Codable {
  var event: String
  var check: String
  var result: CheckResult?
  /// With a "plan" event: every check the grader will run, in order.
  var checks: [String]?

  init(_ event: CheckEvent) {
    switch event {
    case .planned(let checks):
      self.event = "plan"
      self.check = ""
      self.checks = checks
    case .started(let check):
      self.event = "start"
      self.check = check
    case .finished(let result):
      self.event = "result"
      self.check = result.check
      self.result = result
    }
  }
}

/// Keeps the verdict stream apart from anything the graded code prints.
private final class ProtocolChannel {
  private let handle: FileHandle

  init() {
    // Duplicate stdout for the protocol, then point stdout at stderr: a student's print()
    // lands in stderr, and our lines stay parseable.
    let protocolDescriptor = dup(STDOUT_FILENO)
    fflush(stdout)
    dup2(STDERR_FILENO, STDOUT_FILENO)
    handle = FileHandle(fileDescriptor: protocolDescriptor, closeOnDealloc: true)
  }

  func send(_ line: ProtocolLine) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    guard var data = try? encoder.encode(line) else { return }
    data.append(0x0A)
    handle.write(data)
  }
}
