import Harness
import TrainingMemory

/// The graders of the TrainingMemory topic, bound to one edition's implementations.
public enum TrainingMemoryGraders {
  /// Every exercise of the topic, in the lesson's order, graded against the given editions.
  ///
  /// - Parameters:
  ///   - peak: the TrainingPeak implementation.
  ///   - adam: the AdamStep type; the grader makes fresh optimizers of it.
  ///   - accountant: the MemoryBreakdown implementation.
  public static func exercises<Adam: AdamStepping>(
    peak: some TrainingPeakEstimating & Sendable, adam: Adam.Type,
    accountant: some MemoryAccounting & Sendable
  ) -> [Exercise] {
    [
      Exercise(
        name: "TrainingPeak", lesson: "TrainingMemory", section: "Lifetimes in a training step"
      ) { gradeTrainingPeak(peak, $0) },
      Exercise(name: "AdamStep", lesson: "TrainingMemory", section: "Adam and its two moments") {
        gradeAdamStep(Adam.self, $0)
      },
      Exercise(name: "MemoryBreakdown", lesson: "TrainingMemory", section: "Bytes per parameter") {
        gradeMemoryBreakdown(accountant, $0)
      },
    ]
  }
}
