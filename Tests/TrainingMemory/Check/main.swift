import Harness
import TrainingMemoryExercises
import TrainingMemoryGraders

Checker.main(
  TrainingMemoryGraders.exercises(
    peak: PeakEstimator(), adam: AdamOptimizer.self, accountant: MemoryAccountant()))
