/// A topic's graders, bound the three ways grading needs: to an edition's implementations
/// (Solutions/, the stubs, a mutant), to recording proxies around them (the runner), and to
/// replaying proxies around nothing (the judge).
///
/// A topic writes `exercises(_:)`, which hands each grader its contract from the edition, and
/// `proxies(on:around:)`, which puts every contract of an edition behind its proxy (see `Tape`);
/// `recording(on:_:)` and `replaying(on:)` follow from them, so the runner and the judge can
/// only ever ask the same graders the same questions.
public protocol TopicGraders {
  /// One implementation of each of the topic's contracts.
  associatedtype Edition
  /// The kit's error types the graders catch by type (see `ReplayableErrors`).
  static var replayableErrors: [any (Error & Codable).Type] { get }
  /// Every exercise of the topic, in the lesson's order, graded against `edition`.
  static func exercises(_ edition: Edition) -> [Exercise]
  /// Each contract's proxy on `tape`: around `edition`'s implementation in the runner, around
  /// none (nil) in the judge, where every call is answered from the tape.
  static func proxies(on tape: Tape, around edition: Edition?) -> Edition
}

extension TopicGraders {
  /// None, unless the topic says otherwise.
  public static var replayableErrors: [any (Error & Codable).Type] { [] }

  /// The topic's exercises for the runner: `edition`'s implementations, each call recorded.
  public static func recording(on tape: Tape, _ edition: Edition) -> [Exercise] {
    proxied(on: tape, around: edition)
  }

  /// The topic's exercises for the judge: every call answered from the runner's record.
  public static func replaying(on tape: Tape) -> [Exercise] {
    proxied(on: tape, around: nil)
  }

  /// `exercise` recorded behind the recording proxies around `edition` and decided by the
  /// replaying ones, in this process (see `Judge.gradeInProcess`).
  public static func judgedInProcess(_ exercise: String, _ edition: Edition) -> [CheckResult] {
    Judge.gradeInProcess(
      exercise: exercise, recording: { recording(on: $0, edition) }, replaying: replaying(on:))
  }

  private static func proxied(on tape: Tape, around edition: Edition?) -> [Exercise] {
    for type in replayableErrors { ReplayableErrors.register(type) }
    return tape.binding(exercises(proxies(on: tape, around: edition)))
  }
}

extension Exercise {
  /// The exercises of one lesson, from `(name, section, grader)` in the lesson's order.
  public static func lesson(
    _ lesson: String, _ exercises: [(String, String, @Sendable (CheckRecorder) -> Void)]
  ) -> [Exercise] {
    exercises.map { name, section, grade in
      Exercise(name: name, lesson: lesson, section: section, grade: grade)
    }
  }
}

extension Runner {
  /// The `main` of a topic's runner: `graders` around `edition`, the student's implementations.
  public static func main<Graders: TopicGraders>(
    _ graders: Graders.Type, _ edition: Graders.Edition
  ) -> Never {
    main { Graders.recording(on: $0, edition) }
  }
}
