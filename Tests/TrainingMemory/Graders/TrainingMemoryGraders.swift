import Harness
import TrainingMemory

/// The graders of the TrainingMemory topic, bound to one edition's implementations.
public enum TrainingMemoryGraders: TopicGraders {
  /// The kit's errors, which the graders catch by type.
  public static var replayableErrors: [any (Error & Codable).Type] { [TrainingMemoryError.self] }

  /// Every exercise of the topic, in the lesson's order, graded against the given edition.
  public static func exercises(_ edition: TrainingMemoryEdition) -> [Exercise] {
    Exercise.lesson(
      "TrainingMemory",
      [
        ("TrainingPeak", "Lifetimes in a training step", { gradeTrainingPeak(edition.peak, $0) }),
        ("AdamStep", "Adam and its two moments", { gradeAdamStep(edition.adam, $0) }),
        (
          "MemoryBreakdown", "Bytes per parameter",
          { gradeMemoryBreakdown(edition.accountant, $0) }
        ),
      ])
  }
}

/// One implementation of each TrainingMemory contract: an edition (Exercises/ or
/// Solutions/), the solutions with a mutant in one place, or the proxies in front of either.
/// The AdamStep grader gets a type and makes fresh optimizers of it.
public typealias TrainingMemoryEdition = (
  peak: any TrainingPeakEstimating & Sendable, adam: any (AdamStepping & SendableMetatype).Type,
  accountant: any MemoryAccounting & Sendable
)
