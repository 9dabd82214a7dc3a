#if canImport(NumberFormatsSolutions)
  import HarnessXCTest
  import NumberFormatsExercises
  import NumberFormatsGraders
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ (`solutions`, beside
  /// the mutants made from it) and fail the untouched stubs of Exercises/, in this process and
  /// through the judge.
  final class NumberFormatsEditionTests: XCTestCase {
    func testSolutionsPassAndStubsFail() {
      assertEdition(solutions, of: NumberFormatsGraders.self, solved: true)
      let stubs: NumberFormatsEdition = (
        integers: IntegerDecoder(), decoder: FloatDecoder(), encoder: FloatEncoder(),
        e4m3: E4M3Codec()
      )
      assertEdition(stubs, of: NumberFormatsGraders.self, solved: false)
    }
  }
#endif
