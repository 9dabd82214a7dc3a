import Harness

/// Every picture the InferenceMemory lesson shows, drawn from the topic's instrumented runs.
public enum InferenceMemoryPictures {
  /// The pictures, each asked for in the lesson with a `picture <id>` block.
  public static let all: [Picture] = [
    TimelinePicture.picture, BlockLifetimesPicture.greedy, BlockLifetimesPicture.optimal,
  ]
}
