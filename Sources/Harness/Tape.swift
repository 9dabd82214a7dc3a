import Foundation

/// The answers of one check, recorded where the student's code runs and replayed where the
/// grader decides.
///
/// A contract's proxy sends every call through `call`. In the runner (`.recording`) the call
/// runs the student's code and appends one JSON line, `{"m": method, "r": result}` or
/// `{"m": method, "x": error}`, plus `"s"`, the state of a harness object after the call. In the
/// judge (`.replaying`) no student code exists: the call takes the next line, checks that it
/// answers the same method, applies the state and returns the result or rethrows the error.
/// Graders are deterministic, so the judge asks the runner's questions in the runner's order.
public final class Tape: @unchecked Sendable {
  /// Which side of the pipe this tape is on.
  public enum Mode: Sendable {
    /// In the runner: calls run the student's code and are written down.
    case recording
    /// In the judge: calls are answered from what the runner wrote.
    case replaying
  }

  /// Which side of the pipe this tape is on.
  public let mode: Mode
  /// Record mode: where each finished line goes.
  private let sink: ((Data) -> Void)?
  /// Replay mode: the current check's lines, and the next one to answer with.
  private var lines: [Data] = []
  private var next = 0
  private let encoder = TapeJSON.encoder()
  private let decoder = TapeJSON.decoder()

  /// A recording tape that hands each line (without its newline) to `sink`.
  public init(recordingTo sink: @escaping (Data) -> Void) {
    mode = .recording
    self.sink = sink
  }

  /// A replaying tape, to be loaded with each check's lines.
  public init() {
    mode = .replaying
    sink = nil
  }

  /// The tape of the exercise this thread is grading, for proxies that have no instance to
  /// hold one (a contract the grader calls through a type, such as `Adam(parameterCount:)`) and
  /// for `HeapMeter.measure`, which is measured in the runner and replayed in the judge. The
  /// runner and the judge bind every exercise to their tape.
  public static var current: Tape? {
    Thread.current.threadDictionary[currentKey] as? Tape
  }

  private static let currentKey = "workbook.tape"

  /// `exercises` with this tape as `Tape.current` while each one grades.
  public func binding(_ exercises: [Exercise]) -> [Exercise] {
    exercises.map { exercise in
      Exercise(name: exercise.name, lesson: exercise.lesson, section: exercise.section) {
        checks in
        let thread = Thread.current.threadDictionary
        let previous = thread[Tape.currentKey]
        thread[Tape.currentKey] = self
        defer { thread[Tape.currentKey] = previous }
        exercise.grade(checks)
      }
    }
  }

  /// Replay mode: answers the next calls from `lines`, the runner's record of one check.
  public func load(_ lines: [Data]) {
    self.lines = lines
    next = 0
  }

  /// Replay mode: the lines the grader did not ask for; a check that passes with some left
  /// was answered by a runner that did not follow the grader.
  public var unanswered: Int { lines.count - next }

  /// Calls a contract method that takes and returns plain values.
  public func call<Result: Codable>(_ method: String, _ body: () throws -> Result) throws
    -> Result
  {
    try call(method, state: { Nothing() }, restore: { _ in }, body)
  }

  /// Calls a contract method that also changes a harness object (an allocator, a store, an
  /// `inout` argument): `state` reads what the grader will inspect after the call, in the
  /// runner; `restore` puts it into the judge's own object before the result is returned.
  public func call<Result: Codable, State: Codable>(
    _ method: String, state: () -> State, restore: (State) -> Void, _ body: () throws -> Result
  ) throws -> Result {
    if State.self == Nothing.self, let words = Result.self as? any TapeWords.Type {
      return try callInWords(method, words, body)
    }
    switch mode {
    case .recording:
      var entry = TapeEntry<Result, State>(method: method)
      do {
        entry.result = try body()
      } catch {
        entry.error = RecordedError(error)
      }
      // Only the student's call counts on a heap measurement, never the tape's own writing.
      HeapMeter.uncounted {
        if State.self != Nothing.self { entry.state = state() }
        // A value JSON cannot carry fails the check in the judge, never here.
        sink?((try? encoder.encode(entry)) ?? Data(#"{"m":"\#(method)"}"#.utf8))
      }
      if let error = entry.error { throw error.replayed }
      return entry.result!
    case .replaying:
      guard next < lines.count else {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: it recorded no answer to "
            + "\(method)")
      }
      let line = lines[next]
      next += 1
      let entry: TapeEntry<Result, State>
      do {
        entry = try decoder.decode(TapeEntry<Result, State>.self, from: line)
      } catch {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: its answer to \(method) "
            + "cannot be read")
      }
      guard entry.method == method else {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: asked \(method), it "
            + "answered \(entry.method)")
      }
      if let state = entry.state { restore(state) }
      if let error = entry.error { throw error.replayed }
      guard let result = entry.result else {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: its answer to \(method) "
            + "holds neither a result nor an error")
      }
      return result
    }
  }
}

extension Tape {
  /// The fast path for results that are a few numbers: `=method word word …` in hexadecimal,
  /// read back by hand, about twenty times quicker than JSON, which matters to graders that ask
  /// 100 000 questions. Errors still travel as JSON lines.
  private func callInWords<Result>(
    _ method: String, _ type: any TapeWords.Type, _ body: () throws -> Result
  ) throws -> Result {
    switch mode {
    case .recording:
      let result: Result
      do {
        result = try body()
      } catch {
        HeapMeter.uncounted {
          var entry = TapeEntry<Nothing, Nothing>(method: method)
          entry.error = RecordedError(error)
          sink?((try? encoder.encode(entry)) ?? Data(#"{"m":"\#(method)"}"#.utf8))
        }
        throw error
      }
      HeapMeter.uncounted {
        var line = "=" + method
        for word in (result as! any TapeWords).tapeWords {
          line += " " + String(word, radix: 16)
        }
        sink?(Data(line.utf8))
      }
      return result
    case .replaying:
      guard next < lines.count, lines[next].first == UInt8(ascii: "=") else {
        // Not a plain answer: an error the student's method threw, or nothing at all.
        _ = try call(method, state: { Nothing() }, restore: { _ in }) { Nothing() }
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: its answer to \(method) "
            + "is not a \(Result.self)")
      }
      let line = lines[next]
      next += 1
      guard let (answered, words) = Self.parseWords(line) else {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: its answer to \(method) "
            + "cannot be read")
      }
      guard answered == method else {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: asked \(method), it "
            + "answered \(answered)")
      }
      guard let value = type.init(tapeWords: words) as? Result else {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: its answer to \(method) "
            + "is not a \(Result.self)")
      }
      return value
    }
  }

  /// `=method 1f 0 3c00` as its method and words; nil when it is not that shape.
  static func parseWords(_ line: Data) -> (String, [UInt64])? {
    line.withUnsafeBytes { bytes -> (String, [UInt64])? in
      var index = 1
      while index < bytes.count && bytes[index] != 0x20 { index += 1 }
      let method = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[1..<index]), as: UTF8.self)
      var words: [UInt64] = []
      while index < bytes.count {
        index += 1  // the space
        var word: UInt64 = 0
        var digits = 0
        while index < bytes.count && bytes[index] != 0x20 {
          let byte = bytes[index]
          let digit: UInt8
          switch byte {
          case 0x30...0x39: digit = byte - 0x30
          case 0x61...0x66: digit = byte - 0x61 + 10
          default: return nil
          }
          guard digits < 16 else { return nil }
          word = word << 4 | UInt64(digit)
          digits += 1
          index += 1
        }
        guard digits > 0 else { return nil }
        words.append(word)
      }
      return (method, words)
    }
  }
}

/// A result the tape writes as a few 64-bit words instead of JSON.
public protocol TapeWords {
  /// The value as words, in an order its `init(tapeWords:)` reads back.
  var tapeWords: [UInt64] { get }
  /// The value read back from its words, or nil when they do not make one.
  init?(tapeWords: [UInt64])
}

/// What a method that returns nothing, or changes no harness object, records.
public struct Nothing: Codable, Sendable {
  /// The one value.
  public init() {}
}

/// One line of a tape: a call's method, and its result or error, and the state after it.
struct TapeEntry<Result: Codable, State: Codable>: Codable {
  var method: String
  var result: Result?
  var error: RecordedError?
  var state: State?

  init(method: String) {
    self.method = method
  }

  enum CodingKeys: String, CodingKey {
    case method = "m"
    case result = "r"
    case error = "x"
    case state = "s"
  }
}
