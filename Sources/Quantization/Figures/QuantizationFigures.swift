import Drawing
import Harness
import Units

/// Every number the Quantization lesson states as the result of a computation, computed here.
///
/// The lesson writes each as `[text](fig:id)`; the course checks that the text matches.
public enum QuantizationFigures {
  /// All figures of the lesson, in the order the lesson first uses them.
  public static var all: [Figure] {
    levels + memory + symmetric + affine + perChannel + accumulation + network + halfPrecision
      + questions
  }

  /// Levels that n bits can tell apart, and the pixels of the errata's image.
  static var levels: [Figure] {
    [
      Figure("levels-8-bit", "\(1 << 8)"),
      Figure("levels-4-bit", "\(1 << 4)"),
      Figure("levels-2-bit", "\(1 << 2)"),
      Figure("image-pixels", "\(256 * 256)"),
      Figure("int8-symmetric-levels", "\(127 - (-127) + 1)"),
    ]
  }

  /// Memory of 13B parameters per element size, and what one 4096 × 4096 product costs.
  static var memory: [Figure] {
    let parameters = 13e9
    let bytes: [(String, Double)] = [("fp32", 4), ("fp16", 2), ("int8", 1), ("int4", 0.5)]
    let side = 4096.0
    return bytes.map { Figure("memory-13b-\($0.0)", ByteFormatting.decimal(parameters * $0.1)) }
      + [
        Figure(
          "matmul-4096-operations",
          FigureText.number(2 * side * side * side / 1e9, decimals: 1) + " billion"),
        Figure("matrix-4096-fp32", ByteFormatting.decimal(side * side * 4)),
        Figure("matrix-4096-int8", ByteFormatting.decimal(side * side * 1)),
      ]
  }

  /// The symmetric worked example, the smallest scale, and how outliers waste levels.
  static var symmetric: [Figure] {
    let example = try? ReferenceQuantizer.symmetric(QuantizationExamples.symmetricTensor)
    let smallest = Double(QuantizationLimits.minimumScale)
    return [
      Figure("example-scale", FigureText.number(Double(example?.scale ?? .nan))),
      Figure("example-codes", FigureText.codes(example?.q ?? [])),
      Figure(
        "example-max-error", FigureText.number(Double(example?.maxError ?? .nan), decimals: 4)),
      Figure("example-half-scale", FigureText.number(Double((example?.scale ?? .nan) / 2))),
      Figure("minimum-scale", FigureText.power(2, Int(QuantizationLimits.minimumScale.exponent))),
      Figure("minimum-scale-decimal", FigureText.scientific(smallest)),
      Figure(
        "levels-used-plain",
        "\(QuantizationExamples.levelsUsed(QuantizationExamples.weights(outlier: false)))"),
      Figure(
        "levels-used-outlier",
        "\(QuantizationExamples.levelsUsed(QuantizationExamples.weights(outlier: true)))"),
    ]
  }

  /// The affine worked example.
  static var affine: [Figure] {
    let example = try? ReferenceQuantizer.affine(QuantizationExamples.affineTensor)
    return [
      Figure(
        "affine-example-scale", FigureText.number(Double(example?.scale ?? .nan), decimals: 4)),
      Figure("affine-example-zero-point", "\(example?.zeroPoint ?? -1)"),
      Figure("affine-example-codes", FigureText.codes(example?.q ?? [])),
    ]
  }

  /// The per-channel worked example: row 0 under one scale for the matrix, then its own.
  static var perChannel: [Figure] {
    let (values, _, columns) = QuantizationExamples.perChannelMatrix
    let rowZero = Array(values[0..<columns])
    let whole = try? ReferenceQuantizer.symmetric(values)
    let tensorScale = whole?.scale ?? .nan
    let sharedRow = ReferenceQuantizer.row(
      rowZero, scale: tensorScale, zeroPoint: 0, codes: -127...127)
    let ownRow = try? ReferenceQuantizer.symmetric(rowZero)
    return [
      Figure("per-tensor-scale", FigureText.number(Double(tensorScale), decimals: 4)),
      Figure("per-tensor-row-codes", FigureText.codes(sharedRow.q)),
      Figure("per-tensor-row-error", FigureText.number(Double(sharedRow.maxError), decimals: 4)),
      Figure("per-channel-row-scale", FigureText.scientific(Double(ownRow?.scale ?? .nan))),
      Figure("per-channel-row-codes", FigureText.codes(ownRow?.q ?? [])),
      Figure("per-channel-row-error", FigureText.scientific(Double(ownRow?.maxError ?? .nan))),
    ]
  }

  /// How long an int32 accumulator survives int8 products, and the matmul error bound.
  static var accumulation: [Figure] {
    let largestProduct = Int64(-128) * Int64(-128)
    let depth = Int64(Int32.max) / largestProduct
    let symmetricDepth = Int64(Int32.max) / (127 * 127)
    let (k, s) = (4096.0, 0.01)
    return [
      Figure("int8-largest-product", "\(largestProduct)"),
      Figure("int32-max", "\(Int32.max)"),
      Figure("accumulation-depth", "\(depth)"),
      Figure("accumulation-worst-sum", "\(depth * largestProduct)"),
      Figure("accumulation-depth-symmetric", "\(symmetricDepth)"),
      // Worst case |A| ≤ 127 s_a and |B| ≤ 127 s_b: k s_a s_b (127/2 + 127/2 + 1/4).
      Figure("matmul-bound-coefficient", FigureText.number(127.0 / 2 + 127.0 / 2 + 0.25)),
      Figure("matmul-bound-example", FigureText.number(k * s * s * (127 + 0.25), decimals: 2)),
      Figure(
        "matmul-largest-product-example", FigureText.number(k * (127 * s) * (127 * s), decimals: 0)),
      Figure("matmul-bound-relative", FigureText.percent((127 + 0.25) / (127 * 127))),
      Figure("int8-symmetric-largest-product", "\(127 * 127)"),
    ]
  }

  /// The example network in fp32 and with int8 weights.
  static var network: [Figure] {
    guard let (model, _) = QuantizationExamples.mlp else { return [] }
    let floatBytes = Double(model.storageBytes)
    let int8Bytes = Double(ReferenceQuantizer.quantizedBytes(model))
    let (maxError, largest) = QuantizationExamples.mlpError()
    return [
      Figure("mlp-parameters", "\(model.parameterCount)"),
      Figure("mlp-fp32-bytes", ByteFormatting.decimal(floatBytes)),
      Figure("mlp-int8-bytes", ByteFormatting.decimal(int8Bytes)),
      Figure("mlp-saved-bytes", ByteFormatting.decimal(floatBytes - int8Bytes)),
      Figure("mlp-ratio", FigureText.number(floatBytes / int8Bytes, decimals: 2) + "×"),
      Figure("mlp-max-error", FigureText.number(maxError, decimals: 4)),
      Figure("mlp-largest-output", FigureText.number(largest, decimals: 2)),
    ]
  }

  /// fp16's range, underflow and overflow, and what loss scaling recovers.
  static var halfPrecision: [Figure] {
    let gradients = QuantizationExamples.gradients
    let plain = QuantizationExamples.fp16Losses(gradients, scale: 1)
    let scaled = QuantizationExamples.fp16Losses(gradients, scale: 65536)
    let tiny: Float = 1e-8
    let recovered = HalfPrecision.round(tiny * 65536) / 65536
    return [
      Figure(
        "fp16-least-subnormal",
        FigureText.power(2, Int(HalfPrecision.leastNonzeroMagnitude.exponent))),
      Figure(
        "fp16-least-subnormal-decimal",
        FigureText.scientific(Double(HalfPrecision.leastNonzeroMagnitude))),
      Figure(
        "fp16-underflow-limit",
        FigureText.power(2, Int(HalfPrecision.leastNonzeroMagnitude.exponent) - 1)),
      Figure(
        "fp16-least-normal", FigureText.power(2, Int(HalfPrecision.leastNormalMagnitude.exponent))),
      Figure("fp16-max", FigureText.number(Double(HalfPrecision.greatestFiniteMagnitude))),
      Figure("fp16-overflow", FigureText.number(Double(HalfPrecision.overflowThreshold))),
      Figure("fp16-spacing-at-one", FigureText.power(2, -HalfPrecision.fractionBits)),
      Figure("fp16-one-plus-small", FigureText.number(Double(HalfPrecision.round(1 + 0.0001)))),
      Figure("loss-example-unscaled", FigureText.number(Double(HalfPrecision.round(tiny)))),
      Figure("loss-example-scaled", FigureText.scientific(Double(recovered), digits: 4)),
      Figure(
        "loss-overflow-gradient",
        FigureText.number(Double(HalfPrecision.overflowThreshold / 65536), decimals: 4)),
      Figure("gradients-vanished-unscaled", FigureText.percent(plain.vanished)),
      Figure("gradients-subnormal-unscaled", FigureText.percent(plain.subnormal)),
      Figure("gradients-vanished-scaled", FigureText.percent(scaled.vanished)),
      Figure("gradients-subnormal-scaled", FigureText.percent(scaled.subnormal)),
      Figure("gradients-overflowed-scaled", FigureText.percent(scaled.overflowed)),
    ]
  }

  /// Answers of the lesson's numeric questions.
  static var questions: [Figure] {
    // int4 codes with one 16-bit scale per group of weights, as GPTQ and AWQ store them.
    let groupSize = 128
    let groupBits = 4 + 16 / Double(groupSize)
    return [
      Figure("question-scale", FigureText.number(6.35 / 127)),
      Figure("question-group-size", "\(groupSize)"),
      Figure("question-group-bits", FigureText.number(groupBits, decimals: 3)),
      Figure("question-7b-int4-grouped", ByteFormatting.decimal(7e9 * groupBits / 8)),
      Figure("question-zero-point", "\(Int((2.0 / (10.0 / 255)).rounded(.toNearestOrEven)))"),
    ]
  }
}
