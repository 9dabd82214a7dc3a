import CheckpointingGraders
import Foundation
import Harness
import InferenceMemoryGraders
import NumberFormatsGraders
import QuantizationGraders
import ServingAndFinetuningGraders
import TrainingMemoryGraders

/// The topics whose checks are decided by a judge that links no student code (see Harness's
/// `Judge`), and the one function every front door grades an exercise with: `workbook check`,
/// `watch` and `grade`, the Gradescope bundle (through `grade`) and the student's `swift test`.
public enum Judges {
  /// Each judged topic's exercises bound to replaying proxies on a tape.
  public static let topics: [String: @Sendable (Tape) -> [Exercise]] = [
    "NumberFormats": { NumberFormatsGraders.replaying(on: $0) },
    "InferenceMemory": { InferenceMemoryGraders.replaying(on: $0) },
    "Quantization": { QuantizationGraders.replaying(on: $0) },
    "TrainingMemory": { TrainingMemoryGraders.replaying(on: $0) },
    "Checkpointing": { CheckpointingGraders.replaying(on: $0) },
    "ServingAndFinetuning": { ServingAndFinetuningGraders.replaying(on: $0) },
  ]

  /// Grades `exercise` of `topic` with the topic's runner (`<Topic>Check`): the runner answers
  /// and this process decides. A topic without a judge cannot be graded, and says so.
  public static func grade(
    exercise: String, topic: String, executable: URL, timeout: Double,
    environment: [String: String]? = nil
  ) -> IsolatedOutcome {
    guard let graders = topics[topic] else {
      return Judge.grade(
        exercise: exercise, graders: { _ in [] }, runner: executable, timeout: timeout,
        environment: environment, missing: "no judge for the topic \(topic) (see Judges.topics)")
    }
    return Judge.grade(
      exercise: exercise, graders: graders, runner: executable, timeout: timeout,
      environment: environment)
  }
}
