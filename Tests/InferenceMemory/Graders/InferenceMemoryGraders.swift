import Harness
import InferenceMemory

/// The graders of the InferenceMemory topic, bound to one edition's implementations.
public enum InferenceMemoryGraders: TopicGraders {
  /// The allocator's errors, which the graders catch by type.
  public static var replayableErrors: [any (Error & Codable).Type] { [AllocatorError.self] }

  /// Every exercise of the topic, graded against the given implementations.
  public static func exercises(_ edition: InferenceMemoryEdition) -> [Exercise] {
    Exercise.lesson(
      "InferenceMemory",
      [
        (
          "TensorSizing", "Sizing tensors and models",
          { gradeTensorSizing(edition.sizing, $0) }
        ),
        (
          "PingPongForward", "Two buffers for a whole network",
          { gradePingPongForward(edition.forward, $0) }
        ),
        (
          "LifetimePlanner", "Skip connections and buffer planning",
          { gradeLifetimePlanner(edition.planner, $0) }
        ),
      ])
  }
}

/// One implementation of each InferenceMemory contract: an edition (Exercises/ or
/// Solutions/), the solutions with a mutant in one place, or the proxies in front of either.
public typealias InferenceMemoryEdition = (
  sizing: any TensorSizing & Sendable, forward: any PingPongForward & Sendable,
  planner: any LifetimePlanning & Sendable
)
