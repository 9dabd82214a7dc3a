#if canImport(QuantizationSolutions)
  import Harness
  import HarnessXCTest
  import Quantization
  import QuantizationGraders
  import QuantizationSolutions
  import XCTest

  /// The maintainers' proof that each Quantization grader catches the mistakes students make:
  /// every mutant is a reference solution with one named mistake, and grading it must fail with a
  /// message that names the symptom. CONTRIBUTING.md lists the mutants per exercise.
  final class QuantizationMutantTests: XCTestCase {

    /// Grades `exercise` with `mutant` in place of its reference solution and requires a failure
    /// mentioning `symptom`.
    private func assertCaught(
      _ exercise: String, _ mutant: String, symptom: String,
      symmetric: some SymmetricInt8 & Sendable = SymmetricInt8Quantizer(),
      affine: some AffineUInt8 & Sendable = AffineUInt8Quantizer(),
      perChannel: some PerChannel & Sendable = PerChannelQuantizer(),
      matmul: some Int8MatMul & Sendable = Int8MatrixMultiplier(),
      inference: some QuantizedInference & Sendable = QuantizedMLPRunner(),
      lossScaling: some LossScaling & Sendable = LossScaler(),
      file: StaticString = #filePath, line: UInt = #line
    ) {
      let exercises = QuantizationGraders.exercises(
        symmetric: symmetric, affine: affine, perChannel: perChannel, matmul: matmul,
        inference: inference, lossScaling: lossScaling)
      guard let graded = exerciseNamed(exercise, in: exercises, file: file, line: line) else {
        return
      }
      assertMutantCaught(graded, mutant: mutant, symptom: symptom, file: file, line: line)
    }

    func testSymmetricInt8Mutants() {
      let name = "SymmetricInt8"
      assertCaught(
        name, "absmax / 127.5", symptom: "expected scale",
        symmetric: SymmetricMutant(.scaleOver127Point5))
      assertCaught(
        name, "127 / absmax called the scale", symptom: "expected scale",
        symmetric: SymmetricMutant(.inverseScale))
      assertCaught(
        name, "ties away from zero", symptom: "half to even",
        symmetric: SymmetricMutant(.tiesAwayFromZero))
      assertCaught(
        name, "truncation toward zero", symptom: "scale / 2",
        symmetric: SymmetricMutant(.truncates))
      assertCaught(
        name, "−128 allowed", symptom: "−128 is never produced",
        symmetric: SymmetricMutant(.allowsMinus128))
      assertCaught(
        name, "no 2⁻²³ floor on the scale", symptom: "all-zero",
        symmetric: SymmetricMutant(.noMinimumScale))
    }

    func testAffineUInt8Mutants() {
      let name = "AffineUInt8"
      assertCaught(
        name, "round(x / scale + zeroPoint)", symptom: "odd zero point",
        affine: AffineMutant(.roundsAfterZeroPoint))
      assertCaught(
        name, "range not widened to contain 0", symptom: "expected scale",
        affine: AffineMutant(.noWidening))
      assertCaught(
        name, "range / 256", symptom: "expected scale", affine: AffineMutant(.scaleOver256))
      assertCaught(
        name, "ties away from zero", symptom: "half to even",
        affine: AffineMutant(.tiesAwayFromZero))
      assertCaught(
        name, "read back without the zero point", symptom: "dequantize(",
        affine: AffineMutant(.dequantizeWithoutZeroPoint))
      assertCaught(
        name, "codes wrap instead of clamping", symptom: "clamping at 0 and 255",
        affine: AffineMutant(.wraps))
    }

    func testPerChannelMutants() {
      let name = "PerChannel"
      assertCaught(
        name, "one scale for the whole matrix", symptom: "scales[",
        perChannel: PerChannelMutant(.perTensor))
      assertCaught(
        name, "a scale per column", symptom: "scales",
        perChannel: PerChannelMutant(.perColumn))
      assertCaught(
        name, "ties away from zero", symptom: "half to even",
        perChannel: PerChannelMutant(.tiesAwayFromZero))
      assertCaught(
        name, "absmax / 127.5", symptom: "expected scale",
        perChannel: PerChannelMutant(.scaleOver127Point5))
      assertCaught(
        name, "a zero row gets scale 0", symptom: "zero row",
        perChannel: PerChannelMutant(.zeroRowScaleZero))
      assertCaught(
        name, "read back with the column's scale", symptom: "dequantize(",
        perChannel: PerChannelMutant(.dequantizeByColumn))
    }

    func testInt8MatMulMutants() {
      let name = "Int8MatMul"
      assertCaught(
        name, "an Int16 accumulator", symptom: "accumulate exactly in Int32",
        matmul: MatMulMutant(.int16Accumulator))
      assertCaught(
        name, "b read column by column", symptom: "naive Int64 product",
        matmul: MatMulMutant(.transposedB))
      assertCaught(
        name, "requantization truncates", symptom: "half to even",
        matmul: MatMulMutant(.truncatingRequantize))
      assertCaught(
        name, "requantization ties away from zero", symptom: "half to even",
        matmul: MatMulMutant(.tiesAwayRequantize))
      assertCaught(
        name, "requantization in fp32", symptom: "in Double",
        matmul: MatMulMutant(.floatRequantize))
      assertCaught(
        name, "requantized codes may be −128", symptom: "clamps to −127...127",
        matmul: MatMulMutant(.allowsMinus128))
      assertCaught(
        name, "M = s_out / (s_a × s_b)", symptom: "s_a × s_b / s_out",
        matmul: MatMulMutant(.invertedMultiplier))
    }

    func testQuantizedInferenceMutants() {
      let name = "QuantizedInference"
      assertCaught(
        name, "weights dequantized inside the sum", symptom: "then × scale",
        inference: InferenceMutant(.dequantizedWeights))
      assertCaught(
        name, "a Double accumulator", symptom: "then × scale",
        inference: InferenceMutant(.doubleAccumulator))
      assertCaught(
        name, "bias added before the scale", symptom: "then + bias",
        inference: InferenceMutant(.biasBeforeScale))
      assertCaught(
        name, "ReLU after the last layer", symptom: "the last layer has no ReLU",
        inference: InferenceMutant(.reluOnLastLayer))
      assertCaught(
        name, "one scale per matrix", symptom: "scale of row",
        inference: InferenceMutant(.perTensorScale))
      assertCaught(
        name, "scales left out of the bytes", symptom: "4 B per row scale",
        inference: InferenceMutant(.reportWithoutScales))
    }

    func testLossScalingMutants() {
      let name = "LossScaling"
      assertCaught(
        name, "overflow past 65504 instead of from 65520", symptom: "65510",
        lossScaling: LossScalingMutant(.overflowPast65504))
      assertCaught(
        name, "fp16 without subnormals", symptom: "edges of its range",
        lossScaling: LossScalingMutant(.flushesSubnormals))
      assertCaught(
        name, "g × S rounded once from Double", symptom: "an fp16 tie",
        lossScaling: LossScalingMutant(.productInDouble))
      assertCaught(
        name, "factors 2 and 0.5 whatever the policy", symptom: "growth ×4.0",
        lossScaling: LossScalingMutant(.fixedFactors))
      assertCaught(
        name, "good steps not reset after a growth", symptom: "next state",
        lossScaling: LossScalingMutant(.countNotReset))
      assertCaught(
        name, "growth one step late", symptom: "next state",
        lossScaling: LossScalingMutant(.growsOneStepLate))
    }
  }
#endif
