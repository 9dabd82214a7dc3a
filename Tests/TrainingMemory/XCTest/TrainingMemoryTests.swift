import Harness
import HarnessXCTest
import TrainingMemoryGraders
import XCTest

/// Grades your Exercises/TrainingMemory, one exercise per test, each in its own process.
final class TrainingMemoryTests: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipIf(isMaintainerRun, "the maintainers' run grades Solutions/ instead")
  }

  func testTrainingPeak() {
    assertExercisePasses("TrainingPeak", checker: "TrainingMemoryCheck")
  }

  func testAdamStep() {
    assertExercisePasses("AdamStep", checker: "TrainingMemoryCheck")
  }

  func testMemoryBreakdown() {
    assertExercisePasses("MemoryBreakdown", checker: "TrainingMemoryCheck")
  }
}

#if canImport(TrainingMemorySolutions)
  import TrainingMemoryExercises
  import TrainingMemorySolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class TrainingMemoryEditionTests: XCTestCase {
    override func setUpWithError() throws {
      try XCTSkipUnless(isMaintainerRun, "set WORKBOOK_MAINTAINER=1 to grade Solutions/")
    }

    func testSolutionsPass() {
      let exercises = TrainingMemoryGraders.exercises(
        peak: TrainingMemorySolutions.PeakEstimator(),
        adam: TrainingMemorySolutions.AdamOptimizer.self,
        accountant: TrainingMemorySolutions.MemoryAccountant())
      for exercise in exercises { assertPassed(exercise.run()) }
    }

    func testStubsFailEveryCheck() {
      let exercises = TrainingMemoryGraders.exercises(
        peak: TrainingMemoryExercises.PeakEstimator(),
        adam: TrainingMemoryExercises.AdamOptimizer.self,
        accountant: TrainingMemoryExercises.MemoryAccountant())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }
  }
#endif
