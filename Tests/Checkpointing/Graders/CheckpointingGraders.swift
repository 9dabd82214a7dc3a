import Checkpointing
import Harness

/// The graders of the Checkpointing topic, bound to one edition's implementations.
public enum CheckpointingGraders: TopicGraders {
  /// The kit's errors, which the graders catch by type.
  public static var replayableErrors: [any (Error & Codable).Type] { [CheckpointingError.self] }

  /// Every exercise of the topic, in the lesson's order, graded against the given
  /// implementations.
  public static func exercises(_ edition: CheckpointingEdition) -> [Exercise] {
    Exercise.lesson(
      "Checkpointing",
      [
        (
          "StoreAllBackprop", "Training as a chain", { gradeStoreAllBackprop(edition.storeAll, $0) }
        ),
        (
          "CheckpointedStep", "Checkpointing segments",
          { gradeCheckpointedStep(edition.checkpointed, $0) }
        ),
        (
          "TrainingRun", "Training a deep, narrow chain", { gradeTrainingRun(edition.training, $0) }
        ),
        (
          "RecomputeSchedule", "Optimal checkpointing with a fixed budget",
          { gradeRecomputeSchedule(edition.schedule, $0) }
        ),
        (
          "GradientAccumulation", "Gradient accumulation",
          { gradeGradientAccumulation(edition.accumulation, $0) }
        ),
        ("SwapPlanner", "Swapping to host memory", { gradeSwapPlanner(edition.swapping, $0) }),
      ])
  }
}

/// One implementation of each Checkpointing contract: an edition (Exercises/ or
/// Solutions/), the solutions with a mutant in one place, or the proxies in front of either.
public typealias CheckpointingEdition = (
  storeAll: any StoreAllBackprop & Sendable, checkpointed: any CheckpointedStep & Sendable,
  training: any TrainingRun & Sendable, schedule: any RecomputeSchedule & Sendable,
  accumulation: any GradientAccumulation & Sendable, swapping: any SwapPlanner & Sendable
)
