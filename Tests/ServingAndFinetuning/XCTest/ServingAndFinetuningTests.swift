import Harness
import HarnessXCTest
import ServingAndFinetuningGraders
import XCTest

#if canImport(ServingAndFinetuningSolutions)
  import ServingAndFinetuningExercises
  import ServingAndFinetuningSolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class ServingAndFinetuningEditionTests: XCTestCase {

    func testSolutionsPass() {
      let exercises = ServingAndFinetuningGraders.exercises(
        sizing: ServingAndFinetuningSolutions.KVCacheCalculator(),
        pagedCache: ServingAndFinetuningSolutions.PagedCache.self,
        lora: ServingAndFinetuningSolutions.LoRALayer(),
        quantizer: ServingAndFinetuningSolutions.BlockQuantizer(),
        adam: ServingAndFinetuningSolutions.Adam8bitOptimizer())
      for exercise in exercises { assertSolutionPasses(exercise) }
    }

    func testStubsFailEveryCheck() {
      let exercises = ServingAndFinetuningGraders.exercises(
        sizing: ServingAndFinetuningExercises.KVCacheCalculator(),
        pagedCache: ServingAndFinetuningExercises.PagedCache.self,
        lora: ServingAndFinetuningExercises.LoRALayer(),
        quantizer: ServingAndFinetuningExercises.BlockQuantizer(),
        adam: ServingAndFinetuningExercises.Adam8bitOptimizer())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }

    func testSolutionsPassThroughTheJudge() {
      assertJudged(
        recording: { tape in
          ServingAndFinetuningGraders.recording(
            on: tape, sizing: ServingAndFinetuningSolutions.KVCacheCalculator(),
            pagedCache: ServingAndFinetuningSolutions.PagedCache.self,
            lora: ServingAndFinetuningSolutions.LoRALayer(),
            quantizer: ServingAndFinetuningSolutions.BlockQuantizer(),
            adam: ServingAndFinetuningSolutions.Adam8bitOptimizer())
        }, replaying: ServingAndFinetuningGraders.replaying(on:), solved: true)
    }

    func testStubsFailThroughTheJudge() {
      assertJudged(
        recording: { tape in
          ServingAndFinetuningGraders.recording(
            on: tape, sizing: ServingAndFinetuningExercises.KVCacheCalculator(),
            pagedCache: ServingAndFinetuningExercises.PagedCache.self,
            lora: ServingAndFinetuningExercises.LoRALayer(),
            quantizer: ServingAndFinetuningExercises.BlockQuantizer(),
            adam: ServingAndFinetuningExercises.Adam8bitOptimizer())
        }, replaying: ServingAndFinetuningGraders.replaying(on:), solved: false)
    }
  }
#endif
