#if canImport(QuantizationSolutions)
  import HarnessXCTest
  import QuantizationExercises
  import QuantizationGraders
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ (`solutions`, beside
  /// the mutants made from it) and fail the untouched stubs of Exercises/, in this process and
  /// through the judge.
  final class QuantizationEditionTests: XCTestCase {
    func testSolutionsPassAndStubsFail() {
      assertEdition(solutions, of: QuantizationGraders.self, solved: true)
      let stubs: QuantizationEdition = (
        symmetric: SymmetricInt8Quantizer(), affine: AffineUInt8Quantizer(),
        perChannel: PerChannelQuantizer(), matmul: Int8MatrixMultiplier(),
        inference: QuantizedMLPRunner(), lossScaling: LossScaler()
      )
      assertEdition(stubs, of: QuantizationGraders.self, solved: false)
    }
  }
#endif
