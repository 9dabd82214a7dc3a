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

    func testSolutionsPassThroughTheJudge() {
      assertJudged(
        recording: { tape in
          InferenceMemoryGraders.recording(
            on: tape, sizing: InferenceMemorySolutions.TensorSizer(),
            forward: InferenceMemorySolutions.PingPongForwarder(),
            planner: InferenceMemorySolutions.LifetimePlanner())
        }, replaying: InferenceMemoryGraders.replaying(on:), solved: true)
    }

    func testStubsFailThroughTheJudge() {
      assertJudged(
        recording: { tape in
          InferenceMemoryGraders.recording(
            on: tape, sizing: InferenceMemoryExercises.TensorSizer(),
            forward: InferenceMemoryExercises.PingPongForwarder(),
            planner: InferenceMemoryExercises.LifetimePlanner())
        }, replaying: InferenceMemoryGraders.replaying(on:), solved: false)
    }
  }
#endif
