import HarnessXCTest
import XCTest

/// Your `swift test`: grades each exercise of Exercises/Checkpointing in its own process (a crash or a
/// hang in one never hides another's result). The failing checks of your next exercise are
/// shown in full; the summary at the end says where every exercise stands.
final class CheckpointingExercises: XCTestCase {
  func testStoreAllBackprop() { CourseGrading.shared.assertPasses("StoreAllBackprop") }
  func testCheckpointedStep() { CourseGrading.shared.assertPasses("CheckpointedStep") }
  func testTrainingRun() { CourseGrading.shared.assertPasses("TrainingRun") }
  func testRecomputeSchedule() { CourseGrading.shared.assertPasses("RecomputeSchedule") }
  func testGradientAccumulation() { CourseGrading.shared.assertPasses("GradientAccumulation") }
  func testSwapPlanner() { CourseGrading.shared.assertPasses("SwapPlanner") }
}
