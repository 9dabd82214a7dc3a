#if canImport(QuantizationSolutions)
  import HarnessXCTest
  import QuantizationGraders
  import QuantizationSolutions
  import XCTest

  /// Solutions/, which must pass every check: each mutant is one of them with one mistake.
  let solutions: QuantizationEdition = (
    symmetric: SymmetricInt8Quantizer(), affine: AffineUInt8Quantizer(),
    perChannel: PerChannelQuantizer(), matmul: Int8MatrixMultiplier(),
    inference: QuantizedMLPRunner(), lossScaling: LossScaler()
  )

  /// The maintainers' proof that each Quantization grader catches the mistakes students make:
  /// every mutant is a reference solution with one named mistake, and grading it must fail with a
  /// message that names the symptom. CONTRIBUTING.md lists the mutants per exercise.
  final class QuantizationMutantTests: XCTestCase {
    func testSymmetricInt8Mutants() {
      assertMutantsCaught(
        "SymmetricInt8", of: QuantizationGraders.self, in: solutions, replacing: \.symmetric,
        by: [
          ("absmax / 127.5", "expected scale", SymmetricMutant(.scaleOver127Point5)),
          ("127 / absmax called the scale", "expected scale", SymmetricMutant(.inverseScale)),
          ("ties away from zero", "half to even", SymmetricMutant(.tiesAwayFromZero)),
          ("truncation toward zero", "scale / 2", SymmetricMutant(.truncates)),
          ("−128 allowed", "−128 is never produced", SymmetricMutant(.allowsMinus128)),
          ("no 2⁻²³ floor on the scale", "all-zero", SymmetricMutant(.noMinimumScale)),
        ])
    }

    func testAffineUInt8Mutants() {
      assertMutantsCaught(
        "AffineUInt8", of: QuantizationGraders.self, in: solutions, replacing: \.affine,
        by: [
          ("round(x / scale + zeroPoint)", "odd zero point", AffineMutant(.roundsAfterZeroPoint)),
          ("range not widened to contain 0", "expected scale", AffineMutant(.noWidening)),
          ("range / 256", "expected scale", AffineMutant(.scaleOver256)),
          ("ties away from zero", "half to even", AffineMutant(.tiesAwayFromZero)),
          (
            "read back without the zero point", "dequantize(",
            AffineMutant(.dequantizeWithoutZeroPoint)
          ),
          ("codes wrap instead of clamping", "clamping at 0 and 255", AffineMutant(.wraps)),
        ])
    }

    func testPerChannelMutants() {
      assertMutantsCaught(
        "PerChannel", of: QuantizationGraders.self, in: solutions, replacing: \.perChannel,
        by: [
          ("one scale for the whole matrix", "scales[", PerChannelMutant(.perTensor)),
          ("a scale per column", "scales", PerChannelMutant(.perColumn)),
          ("ties away from zero", "half to even", PerChannelMutant(.tiesAwayFromZero)),
          ("absmax / 127.5", "expected scale", PerChannelMutant(.scaleOver127Point5)),
          ("a zero row gets scale 0", "zero row", PerChannelMutant(.zeroRowScaleZero)),
          (
            "read back with the column's scale", "dequantize(",
            PerChannelMutant(.dequantizeByColumn)
          ),
        ])
    }

    func testInt8MatMulMutants() {
      assertMutantsCaught(
        "Int8MatMul", of: QuantizationGraders.self, in: solutions, replacing: \.matmul,
        by: [
          ("an Int16 accumulator", "accumulate exactly in Int32", MatMulMutant(.int16Accumulator)),
          ("b read column by column", "naive Int64 product", MatMulMutant(.transposedB)),
          ("requantization truncates", "half to even", MatMulMutant(.truncatingRequantize)),
          ("requantization ties away from zero", "half to even", MatMulMutant(.tiesAwayRequantize)),
          ("requantization in fp32", "in Double", MatMulMutant(.floatRequantize)),
          ("requantized codes may be −128", "clamps to −127...127", MatMulMutant(.allowsMinus128)),
          ("M = s_out / (s_a × s_b)", "s_a × s_b / s_out", MatMulMutant(.invertedMultiplier)),
        ])
    }

    func testQuantizedInferenceMutants() {
      assertMutantsCaught(
        "QuantizedInference", of: QuantizationGraders.self, in: solutions, replacing: \.inference,
        by: [
          (
            "weights dequantized inside the sum", "then × scale",
            InferenceMutant(.dequantizedWeights)
          ),
          ("a Double accumulator", "then × scale", InferenceMutant(.doubleAccumulator)),
          ("bias added before the scale", "then + bias", InferenceMutant(.biasBeforeScale)),
          (
            "ReLU after the last layer", "the last layer has no ReLU",
            InferenceMutant(.reluOnLastLayer)
          ),
          ("one scale per matrix", "scale of row", InferenceMutant(.perTensorScale)),
          (
            "scales left out of the bytes", "4 B per row scale",
            InferenceMutant(.reportWithoutScales)
          ),
        ])
    }

    func testLossScalingMutants() {
      assertMutantsCaught(
        "LossScaling", of: QuantizationGraders.self, in: solutions, replacing: \.lossScaling,
        by: [
          (
            "overflow past 65504 instead of from 65520", "65510",
            LossScalingMutant(.overflowPast65504)
          ),
          ("fp16 without subnormals", "edges of its range", LossScalingMutant(.flushesSubnormals)),
          ("g × S rounded once from Double", "an fp16 tie", LossScalingMutant(.productInDouble)),
          (
            "factors 2 and 0.5 whatever the policy", "growth ×4.0", LossScalingMutant(.fixedFactors)
          ),
          ("good steps not reset after a growth", "next state", LossScalingMutant(.countNotReset)),
          ("growth one step late", "next state", LossScalingMutant(.growsOneStepLate)),
        ])
    }
  }
#endif
