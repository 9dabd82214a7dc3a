#if canImport(CheckpointingSolutions)
  import CheckpointingExercises
  import CheckpointingGraders
  import CheckpointingSolutions
  import Harness
  import HarnessXCTest
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class CheckpointingEditionTests: XCTestCase {

    func testSolutionsPass() {
      let exercises = CheckpointingGraders.exercises(
        storeAll: CheckpointingSolutions.StoreAllBackpropagation(),
        checkpointed: CheckpointingSolutions.SegmentCheckpointing(),
        training: CheckpointingSolutions.CheckpointedTraining(),
        schedule: CheckpointingSolutions.RevolveScheduler(),
        accumulation: CheckpointingSolutions.MicroBatchAccumulator(),
        swapping: CheckpointingSolutions.ActivationSwapPlanner())
      for exercise in exercises { assertSolutionPasses(exercise) }
    }

    func testStubsFailEveryCheck() {
      let exercises = CheckpointingGraders.exercises(
        storeAll: CheckpointingExercises.StoreAllBackpropagation(),
        checkpointed: CheckpointingExercises.SegmentCheckpointing(),
        training: CheckpointingExercises.CheckpointedTraining(),
        schedule: CheckpointingExercises.RevolveScheduler(),
        accumulation: CheckpointingExercises.MicroBatchAccumulator(),
        swapping: CheckpointingExercises.ActivationSwapPlanner())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }

    func testSolutionsPassThroughTheJudge() {
      assertJudged(
        recording: { tape in
          CheckpointingGraders.recording(
            on: tape, storeAll: CheckpointingSolutions.StoreAllBackpropagation(),
            checkpointed: CheckpointingSolutions.SegmentCheckpointing(),
            training: CheckpointingSolutions.CheckpointedTraining(),
            schedule: CheckpointingSolutions.RevolveScheduler(),
            accumulation: CheckpointingSolutions.MicroBatchAccumulator(),
            swapping: CheckpointingSolutions.ActivationSwapPlanner())
        }, replaying: CheckpointingGraders.replaying(on:), solved: true)
    }

    func testStubsFailThroughTheJudge() {
      assertJudged(
        recording: { tape in
          CheckpointingGraders.recording(
            on: tape, storeAll: CheckpointingExercises.StoreAllBackpropagation(),
            checkpointed: CheckpointingExercises.SegmentCheckpointing(),
            training: CheckpointingExercises.CheckpointedTraining(),
            schedule: CheckpointingExercises.RevolveScheduler(),
            accumulation: CheckpointingExercises.MicroBatchAccumulator(),
            swapping: CheckpointingExercises.ActivationSwapPlanner())
        }, replaying: CheckpointingGraders.replaying(on:), solved: false)
    }
  }
#endif
