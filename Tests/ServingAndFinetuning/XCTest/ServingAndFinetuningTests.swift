#if canImport(ServingAndFinetuningSolutions)
  import HarnessXCTest
  import ServingAndFinetuningExercises
  import ServingAndFinetuningGraders
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ (`solutions`, beside
  /// the mutants made from it) and fail the untouched stubs of Exercises/, in this process and
  /// through the judge.
  final class ServingAndFinetuningEditionTests: XCTestCase {
    func testSolutionsPassAndStubsFail() {
      assertEdition(solutions, of: ServingAndFinetuningGraders.self, solved: true)
      let stubs: ServingAndFinetuningEdition = (
        sizing: KVCacheCalculator(), pagedCache: PagedCache.self, lora: LoRALayer(),
        quantizer: BlockQuantizer(), adam: Adam8bitOptimizer()
      )
      assertEdition(stubs, of: ServingAndFinetuningGraders.self, solved: false)
    }
  }
#endif
