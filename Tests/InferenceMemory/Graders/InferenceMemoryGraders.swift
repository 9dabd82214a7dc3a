import Harness
import InferenceMemory

/// The graders of the InferenceMemory topic, bound to one edition's implementations.
public enum InferenceMemoryGraders {
  /// Every exercise of the topic, graded against the given implementations.
  public static func exercises(
    sizing: some TensorSizing & Sendable, forward: some PingPongForward & Sendable,
    planner: some LifetimePlanning & Sendable
  ) -> [Exercise] {
    [
      Exercise(
        name: "TensorSizing", lesson: "InferenceMemory", section: "Sizing tensors and models"
      ) {
        gradeTensorSizing(sizing, $0)
      },
      Exercise(
        name: "PingPongForward", lesson: "InferenceMemory",
        section: "Two buffers for a whole network"
      ) {
        gradePingPongForward(forward, $0)
      },
      Exercise(
        name: "LifetimePlanner", lesson: "InferenceMemory",
        section: "Skip connections and buffer planning"
      ) {
        gradeLifetimePlanner(planner, $0)
      },
    ]
  }
}
