import Harness
import HarnessXCTest
import InferenceMemoryGraders
import XCTest

#if canImport(InferenceMemorySolutions)
  import InferenceMemoryExercises
  import InferenceMemorySolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class InferenceMemoryEditionTests: XCTestCase {

    func testSolutionsPass() {
      let exercises = InferenceMemoryGraders.exercises(
        sizing: InferenceMemorySolutions.TensorSizer(),
        forward: InferenceMemorySolutions.PingPongForwarder(),
        planner: InferenceMemorySolutions.LifetimePlanner())
      for exercise in exercises { assertSolutionPasses(exercise) }
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
