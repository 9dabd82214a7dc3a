// The TrainingMemory runner: the only process that links Exercises/TrainingMemory. It records
// the student's answers to the graders' questions; the judge decides (see Harness's `Judge`).
import Harness
import TrainingMemoryExercises
import TrainingMemoryGraders

Runner.main(
  TrainingMemoryGraders.self,
  (peak: PeakEstimator(), adam: AdamOptimizer.self, accountant: MemoryAccountant()))
