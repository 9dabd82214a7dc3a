import Harness

/// The pictures of the Quantization lesson, drawn from data the topic computes.
public enum QuantizationPictures {
  /// All pictures of the lesson.
  public static var all: [Picture] {
    [levels, error, lossScaling]
  }

  /// Seeded weights, their histogram, and which of the 255 int8 levels they use, with and
  /// without one outlier.
  static let levels = Picture(
    "quantization-levels",
    caption:
      "4096 bell-shaped weights and the 255 int8 levels absmax scaling spreads over their range: without an outlier most levels are used; one outlier ten times larger stretches the grid so that the weights share a few dozen levels.",
    svg: { LevelsPicture.svg() },
    terminal: { LevelsPicture.terminal(color: $0) })

  /// The error x′ − x across the top of the int8 range: a sawtooth within ±scale/2, then a ramp
  /// once clamping starts.
  static let error = Picture(
    "quantization-error",
    caption:
      "The rounding error x′ − x, in units of the scale, for values near the top of the symmetric int8 range: inside the range it stays within ±½; past 127.5 × scale every value is clamped to code 127 and the error grows without bound.",
    svg: { ErrorPicture.svg() },
    terminal: { ErrorPicture.terminal(color: $0) })

  /// Gradient exponents before and after loss scaling, against the ranges of fp16.
  static let lossScaling = Picture(
    "loss-scaling-shift",
    caption:
      "Base-2 exponents of 20000 seeded gradients against fp16's ranges: unscaled, a fifth of them fall below 2⁻²⁵ and become zero and most of the rest are subnormal; multiplied by 2¹⁶ the whole histogram moves right into the normal range, clear of overflow at 65504.",
    svg: { LossScalingPicture.svg() },
    terminal: { LossScalingPicture.terminal(color: $0) })
}
