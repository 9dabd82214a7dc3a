import Harness
import HarnessXCTest
import InferenceMemoryGraders
import XCTest

/// Grades your Exercises/InferenceMemory, one exercise per test, each in its own process.
final class InferenceMemoryTests: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipIf(isMaintainerRun, "the maintainers' run grades Solutions/ instead")
  }

  func testTensorSizing() {
    assertExercisePasses("TensorSizing", checker: "InferenceMemoryCheck")
  }

  func testPingPongForward() {
    assertExercisePasses("PingPongForward", checker: "InferenceMemoryCheck")
  }

  func testLifetimePlanner() {
    assertExercisePasses("LifetimePlanner", checker: "InferenceMemoryCheck")
  }
}

#if canImport(InferenceMemorySolutions)
  import InferenceMemoryExercises
  import InferenceMemorySolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class InferenceMemoryEditionTests: XCTestCase {
    override func setUpWithError() throws {
      try XCTSkipUnless(isMaintainerRun, "set WORKBOOK_MAINTAINER=1 to grade Solutions/")
    }

    func testSolutionsPass() {
      let exercises = InferenceMemoryGraders.exercises(
        sizing: InferenceMemorySolutions.TensorSizer(),
        forward: InferenceMemorySolutions.PingPongForwarder(),
        planner: InferenceMemorySolutions.LifetimePlanner())
      for exercise in exercises { assertPassed(exercise.run()) }
    }

    func testStubsFailEveryCheck() {
      let exercises = InferenceMemoryGraders.exercises(
        sizing: InferenceMemoryExercises.TensorSizer(),
        forward: InferenceMemoryExercises.PingPongForwarder(),
        planner: InferenceMemoryExercises.LifetimePlanner())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }
  }
#endif
