import Harness
import HarnessXCTest
import XCTest

/// Grades your Exercises/Checkpointing, one exercise per test, each in its own process.
final class CheckpointingTests: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipIf(isMaintainerRun, "the maintainers' run grades Solutions/ instead")
  }

  func testStoreAllBackprop() {
    assertExercisePasses("StoreAllBackprop", checker: "CheckpointingCheck")
  }

  func testCheckpointedStep() {
    assertExercisePasses("CheckpointedStep", checker: "CheckpointingCheck")
  }

  func testTrainingRun() {
    assertExercisePasses("TrainingRun", checker: "CheckpointingCheck")
  }

  func testRecomputeSchedule() {
    assertExercisePasses("RecomputeSchedule", checker: "CheckpointingCheck")
  }

  func testGradientAccumulation() {
    assertExercisePasses("GradientAccumulation", checker: "CheckpointingCheck")
  }

  func testSwapPlanner() {
    assertExercisePasses("SwapPlanner", checker: "CheckpointingCheck")
  }
}
