import Foundation

/// Grades one exercise without running any of the student's code in this process.
///
/// The judge starts the topic's runner (see `Runner`), which answers the grader's questions
/// with the student's code and writes the answers down; the judge then runs the same grader
/// with replaying proxies (see `Tape`) against those answers, and its own oracles decide. The
/// runner's output can only ever be answers: a forged verdict is a line the judge skips, and a
/// forged answer is checked like any other. A runner that crashes, hangs or stops in check k
/// fails check k, and a fresh runner records the checks after it.
public enum Judge {
  /// Bytes of tape one runner may write (the float graders' few hundred thousand answers take
  /// about 40 MB); past this the runner's remaining checks fail as unanswered.
  public static let tapeLimit = 512 * 1024 * 1024

  /// Grades `exercise` with `graders` (the topic's exercises bound to replaying proxies on the
  /// tape given) against the answers of `runner`, each runner killed after `timeout` seconds.
  ///
  /// - Parameter missing: what to say when `graders` has no exercise of that name.
  public static func grade(
    exercise name: String, graders: (Tape) -> [Exercise], runner: URL, timeout: Double,
    environment: [String: String]? = nil, missing: String? = nil
  ) -> IsolatedOutcome {
    let started = Date()
    let tape = Tape()
    guard let exercise = tape.binding(graders(tape)).first(where: { $0.name == name }) else {
      return IsolatedOutcome(
        exercise: name, results: [],
        ending: .couldNotStart(reason: missing ?? "no grader for \(name)"), printed: "",
        seconds: 0)
    }
    let planned = exercise.plannedChecks()
    var segments: [Int: TapeSegment] = [:]
    var interrupted: [Int: ProcessEnding] = [:]
    var ending = ProcessEnding.completed
    var printed = ""
    var next = 0
    while next < planned.count {
      let run = ChildProcess.run(
        executable: runner, arguments: [name, "--from-check", "\(next)"], timeout: timeout,
        environment: environment, outputLimit: tapeLimit, printLimit: IsolatedGrading.printLimit)
      printed += run.printed
      for (index, segment) in TapeSegment.parse(run.output) where index >= next {
        segments[index] = segment
      }
      let answered = { (index: Int) in segments[index]?.check == planned[index] }
      guard let stopped = (next..<planned.count).first(where: { !answered($0) }) else {
        if run.ending != .completed, ending == .completed { ending = run.ending }
        break
      }
      // A runner that exits 0 before answering every check stopped where it should not have.
      let how = run.ending == .completed ? ProcessEnding.exited(status: 0) : run.ending
      if ending == .completed { ending = how }
      if case .couldNotStart = how {
        for index in stopped..<planned.count { interrupted[index] = how }
        break
      }
      interrupted[stopped] = how
      next = stopped + 1
    }
    let results = replay(exercise, on: tape, segments: segments, interrupted: interrupted)
    if printed.utf8.count > IsolatedGrading.printLimit {
      printed = String(printed.prefix(IsolatedGrading.printLimit)) + "\n[more output not shown]"
    }
    return IsolatedOutcome(
      exercise: name, results: results, ending: ending, printed: printed,
      seconds: Date().timeIntervalSince(started))
  }
}

extension Judge {
  /// Runs the judge's grader against recorded segments: a check the runner did not answer to
  /// the end fails with how the runner ended; any other is decided by the grader itself.
  static func replay(
    _ exercise: Exercise, on tape: Tape, segments: [Int: TapeSegment],
    interrupted: [Int: ProcessEnding]
  ) -> [CheckResult] {
    exercise.run(around: { index, check, body in
      if let how = interrupted[index] {
        throw RunnerEnded(
          description: IsolatedGrading.describe(how) + " during check \u{201C}\(check)\u{201D}")
      }
      guard let segment = segments[index], segment.check == check else {
        throw RunnerEnded(description: "the runner recorded no answers for this check")
      }
      tape.load(segment.lines)
      try body()
      if tape.unanswered > 0 {
        throw CheckFailure(
          "the runner's answers do not match the grader's questions: \(tape.unanswered) "
            + "answers were never asked for")
      }
    })
  }

  /// Records and replays `exercise` in this process, through the same tape lines, marks and
  /// replay as `grade` but without a runner: for the maintainers' tests, which prove that an
  /// edition's results survive the trip (solutions pass, stubs fail with their pointer).
  public static func gradeInProcess(
    exercise name: String, recording: (Tape) -> [Exercise], replaying: (Tape) -> [Exercise]
  ) -> [CheckResult] {
    var output = Data()
    let write = { (line: Data) in
      output.append(line)
      output.append(0x0A)
    }
    let recordingTape = Tape(recordingTo: write)
    guard
      let recorder = recordingTape.binding(recording(recordingTape)).first(where: {
        $0.name == name
      })
    else { return [] }
    Runner.record(recorder, from: 0, write: write, endOfCheck: {})
    let tape = Tape()
    guard let judge = tape.binding(replaying(tape)).first(where: { $0.name == name }) else {
      return []
    }
    return replay(judge, on: tape, segments: TapeSegment.parse(output), interrupted: [:])
  }
}

/// A check that the runner did not answer to the end, in the words a student reads as is.
struct RunnerEnded: Error, CustomStringConvertible {
  let description: String
}

/// The lines a runner wrote for one check, between `{"check": …}` and `{"end": …}`.
struct TapeSegment {
  /// The check's name, as the runner's grader declared it.
  var check: String
  /// One line per call, in order.
  var lines: [Data]

  /// The complete segments of a runner's output, by check index. Lines outside a segment, and
  /// segments without their end, are dropped: they answer nothing.
  static func parse(_ output: Data) -> [Int: TapeSegment] {
    var complete: [Int: TapeSegment] = [:]
    var open: (index: Int, segment: TapeSegment)?
    let decoder = JSONDecoder()
    for line in lines(of: output) {
      if line.starts(with: #"{"check":"#.utf8),
        let mark = try? decoder.decode(SegmentMark.self, from: line)
      {
        open = (mark.index, TapeSegment(check: mark.check, lines: []))
      } else if line.starts(with: #"{"end":"#.utf8),
        let end = try? decoder.decode(SegmentEnd.self, from: line)
      {
        if let (index, segment) = open, index == end.end { complete[index] = segment }
        open = nil
      } else {
        open?.segment.lines.append(line)
      }
    }
    return complete
  }

  /// The non-empty lines of `data`, found with one pass over its bytes.
  static func lines(of data: Data) -> [Data] {
    var starts: [Range<Int>] = []
    data.withUnsafeBytes { bytes in
      var start = 0
      for index in 0..<bytes.count where bytes[index] == 0x0A {
        if index > start { starts.append(start..<index) }
        start = index + 1
      }
      if bytes.count > start { starts.append(start..<bytes.count) }
    }
    let base = data.startIndex
    return starts.map { data[(base + $0.lowerBound)..<(base + $0.upperBound)] }
  }
}
