import Checkpointing
import Harness

/// The graders of the Checkpointing topic, bound to one edition's implementations.
public enum CheckpointingGraders {
  /// Every exercise of the topic, in the lesson's order, graded against the given
  /// implementations.
  public static func exercises(
    storeAll: some StoreAllBackprop & Sendable,
    checkpointed: some CheckpointedStep & Sendable,
    training: some TrainingRun & Sendable,
    schedule: some RecomputeSchedule & Sendable,
    accumulation: some GradientAccumulation & Sendable,
    swapping: some SwapPlanner & Sendable
  ) -> [Exercise] {
    [
      Exercise(name: "StoreAllBackprop", lesson: "Checkpointing", section: "Training as a chain") {
        gradeStoreAllBackprop(storeAll, $0)
      },
      Exercise(
        name: "CheckpointedStep", lesson: "Checkpointing", section: "Checkpointing segments"
      ) {
        gradeCheckpointedStep(checkpointed, $0)
      },
      Exercise(
        name: "TrainingRun", lesson: "Checkpointing", section: "Training a deep, narrow chain"
      ) {
        gradeTrainingRun(training, $0)
      },
      Exercise(
        name: "RecomputeSchedule", lesson: "Checkpointing",
        section: "Optimal checkpointing with a fixed budget"
      ) {
        gradeRecomputeSchedule(schedule, $0)
      },
      Exercise(
        name: "GradientAccumulation", lesson: "Checkpointing", section: "Gradient accumulation"
      ) {
        gradeGradientAccumulation(accumulation, $0)
      },
      Exercise(name: "SwapPlanner", lesson: "Checkpointing", section: "Swapping to host memory") {
        gradeSwapPlanner(swapping, $0)
      },
    ]
  }
}
