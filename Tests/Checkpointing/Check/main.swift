import CheckpointingExercises
import CheckpointingGraders
import Harness

Checker.main(
  CheckpointingGraders.exercises(
    storeAll: StoreAllBackpropagation(), checkpointed: SegmentCheckpointing(),
    training: CheckpointedTraining(), schedule: RevolveScheduler(),
    accumulation: MicroBatchAccumulator(), swapping: ActivationSwapPlanner()))
