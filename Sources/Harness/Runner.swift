import Foundation

/// The `main` of a topic's runner (`Tests/<Topic>/Check/main.swift`): the one process that
/// links the student's code.
///
/// `NumberFormatsCheck FloatDecoding --from-check 2` runs the grader of one exercise with
/// recording proxies around the student's implementations and writes, for each check from the
/// third on, `{"check": name, "index": i}`, one line per call the grader made (see `Tape`), and
/// `{"end": i}`. It decides nothing: its own verdicts are never written, and the judge (see
/// `Judge`) replays the grader against these answers. Whatever the student's code prints goes to
/// standard error, so it cannot land in the middle of a line by accident.
public enum Runner {
  /// Parses the command line, records what it names, and exits.
  ///
  /// - Parameter exercises: the topic's exercises, bound to recording proxies on the tape.
  public static func main(_ exercises: (Tape) -> [Exercise]) -> Never {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var first = 0
    if let flag = arguments.firstIndex(of: "--from-check") {
      guard flag + 1 < arguments.count, let value = Int(arguments[flag + 1]), value >= 0 else {
        fail("--from-check needs a check number (0 is the first check)")
      }
      first = value
      arguments.removeSubrange(flag...(flag + 1))
    }
    if arguments == ["--list"] {
      for exercise in exercises(Tape(recordingTo: { _ in })) {
        print("\(exercise.name)\t\(exercise.lesson)\t\(exercise.section)")
      }
      exit(0)
    }
    let channel = TapeChannel()
    let tape = Tape(recordingTo: channel.append)
    let all = tape.binding(exercises(tape))
    guard arguments.count == 1, let exercise = all.first(where: { $0.name == arguments[0] })
    else {
      fail(
        "usage: runner EXERCISE [--from-check N]; exercises: "
          + all.map(\.name).joined(
            separator: ", "))
    }
    record(exercise, from: first, write: channel.append, endOfCheck: channel.flush)
    channel.flush()
    exit(0)
  }

  /// Runs `exercise` (bound to recording proxies whose tape writes with `write`) from check
  /// `first` on, writing each check's marks around its calls; `endOfCheck` after each check.
  static func record(
    _ exercise: Exercise, from first: Int, write: @escaping (Data) -> Void,
    endOfCheck: @escaping () -> Void
  ) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    _ = exercise.run(around: { index, check, body in
      guard index >= first else { return }
      write((try? encoder.encode(SegmentMark(check: check, index: index))) ?? Data())
      // The runner's verdict is nobody's business: the judge compares on its own.
      try? body()
      write((try? encoder.encode(SegmentEnd(end: index))) ?? Data())
      endOfCheck()
    })
  }

  private static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(64)
  }
}

/// The line that opens a check's segment of the tape.
struct SegmentMark: Codable {
  var check: String
  var index: Int
}

/// The line that closes a check's segment: every call of the check was answered.
struct SegmentEnd: Codable {
  var end: Int
}

/// The runner's end of the pipe: a duplicate of standard output, with standard output itself
/// pointed at standard error; lines are buffered and written at the end of each check.
private final class TapeChannel: @unchecked Sendable {
  private let descriptor: Int32
  private var buffer = Data()

  init() {
    fflush(stdout)
    descriptor = dup(STDOUT_FILENO)
    dup2(STDERR_FILENO, STDOUT_FILENO)
  }

  func append(_ line: Data) {
    buffer.append(line)
    buffer.append(0x0A)
    if buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    buffer.withUnsafeBytes { writeAll($0, to: descriptor) }
    buffer.removeAll(keepingCapacity: true)
  }
}
