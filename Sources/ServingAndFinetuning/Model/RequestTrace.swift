import Harness

/// One step of a serving run: what a request asks of the key-value cache.
public enum TraceEvent: Equatable, Sendable, CustomStringConvertible {
  /// A request arrives with its prompt.
  case add(sequence: Int, prompt: [Int])
  /// A request samples a second answer that shares the first one's blocks.
  case fork(parent: Int, child: Int)
  /// A sequence generates one token.
  case append(sequence: Int, token: Int)
  /// A sequence is done.
  case finish(sequence: Int)

  /// `add 3 (prompt of 17)`, `fork 3 → 4`, `append 512 to 3`, `finish 3`.
  public var description: String {
    switch self {
    case .add(let id, let prompt): return "add \(id) (prompt of \(prompt.count))"
    case .fork(let parent, let child): return "fork \(parent) → \(child)"
    case .append(let id, let token): return "append \(token) to \(id)"
    case .finish(let id): return "finish \(id)"
    }
  }
}

/// A seeded stream of requests, the way a serving engine meets them: prompts of varied length,
/// outputs of varied length up to a maximum, some requests forked into two samples, several
/// sequences generating at once in round-robin order.
public struct RequestTrace: Sendable {
  /// The events, in order.
  public let events: [TraceEvent]
  /// The longest a sequence may grow (prompt + output): what contiguous preallocation reserves.
  public let maxTokens: Int

  /// Generates a trace of `requests` requests, at most `concurrent` running at once.
  public init(
    seed: UInt64, requests: Int, concurrent: Int, maxTokens: Int, forkEvery: Int = 4
  ) {
    var random = SeededGenerator(seed: seed)
    var events: [TraceEvent] = []
    // Live sequences and the tokens each still has to generate.
    var running: [(id: Int, left: Int)] = []
    var nextId = 0
    var started = 0
    var token = 1000
    while started < requests || !running.isEmpty {
      while running.count < concurrent && started < requests {
        let promptLength = Int.random(in: 1...(maxTokens / 2), using: &random)
        let output = Int.random(in: 1...(maxTokens - promptLength), using: &random)
        let prompt = (0..<promptLength).map { _ in Int.random(in: 0..<32000, using: &random) }
        events.append(.add(sequence: nextId, prompt: prompt))
        running.append((nextId, output))
        nextId += 1
        if forkEvery > 0 && started % forkEvery == forkEvery - 1 {
          // The second sample shares the prompt and draws its own output length.
          events.append(.fork(parent: nextId - 1, child: nextId))
          running.append((nextId, Int.random(in: 1...(maxTokens - promptLength), using: &random)))
          nextId += 1
        }
        started += 1
      }
      // One decoding step: every running sequence generates a token.
      var still: [(id: Int, left: Int)] = []
      for sequence in running {
        events.append(.append(sequence: sequence.id, token: token))
        token += 1
        if sequence.left > 1 {
          still.append((sequence.id, sequence.left - 1))
        } else {
          events.append(.finish(sequence: sequence.id))
        }
      }
      running = still
    }
    self.events = events
    self.maxTokens = maxTokens
  }

  /// A trace given event by event (the lesson's small examples, the graders' edge cases).
  public init(events: [TraceEvent], maxTokens: Int) {
    self.events = events
    self.maxTokens = maxTokens
  }
}
