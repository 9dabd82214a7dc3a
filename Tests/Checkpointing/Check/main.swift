// The Checkpointing runner: the only process that links Exercises/Checkpointing. It records the
// student's answers to the graders' questions; the judge decides (see Harness's `Judge`).
import CheckpointingExercises
import CheckpointingGraders
import Harness

Runner.main(
  CheckpointingGraders.self,
  (
    storeAll: StoreAllBackpropagation(), checkpointed: SegmentCheckpointing(),
    training: CheckpointedTraining(), schedule: RevolveScheduler(),
    accumulation: MicroBatchAccumulator(), swapping: ActivationSwapPlanner()
  ))
