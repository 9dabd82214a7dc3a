import Foundation
import Harness

/// The data behind the lesson's worked examples, figures and pictures, all computed here.
enum QuantizationExamples {
  /// The seed of every example, so the lesson's numbers are reproducible.
  static let seed: UInt64 = 2026

  /// The symmetric worked example.
  static let symmetricTensor: [Float] = [0.42, -1.27, 0.05, 0.9, -0.333]
  /// The affine worked example: one-sided, like activations after a ReLU and a bias.
  static let affineTensor: [Float] = [-1.2, 0, 0.7, 3.9]
  /// The per-channel worked example: a 2 × 3 weight matrix whose rows differ 150-fold in size.
  static let perChannelMatrix: (values: [Float], rows: Int, columns: Int) = (
    [0.02, -0.011, 0.015, 3.0, -1.5, 0.5], 2, 3
  )

  /// 4096 bell-shaped weights (a sum of four uniforms, spread about 0.05), and optionally one
  /// outlier ten times larger than the largest of them.
  static func weights(outlier: Bool) -> [Float] {
    var random = SeededGenerator(seed: seed)
    var values = (0..<4096).map { _ in
      Float((0..<4).reduce(0.0) { sum, _ in sum + Double.random(in: -0.05...0.05, using: &random) })
    }
    if outlier {
      let largest = values.map(\.magnitude).max() ?? 0
      values[values.count / 2] = 10 * largest
    }
    return values
  }

  /// How many of the 255 symmetric int8 codes at least one value lands on.
  static func levelsUsed(_ values: [Float]) -> Int {
    guard let row = try? ReferenceQuantizer.symmetric(values) else { return 0 }
    return Set(row.q).count
  }

  /// Layer sizes of the example network: an MNIST-sized MLP with two hidden layers.
  static let mlpSizes = [784, 256, 128, 10]
  /// Examples in the batch the network is evaluated on.
  static let mlpBatch = 8

  /// The example network and its seeded input batch, made once: two figures use it.
  static let mlp = makeMLP()

  private static func makeMLP() -> (model: DenseMLP, input: [Float])? {
    guard let model = try? DenseMLP.seeded(sizes: mlpSizes, seed: seed) else { return nil }
    var random = SeededGenerator(seed: seed &+ 1)
    let input = (0..<mlpBatch * model.inputSize).map { _ in Float.random(in: 0...1, using: &random)
    }
    return (model, input)
  }

  /// The largest output difference between the fp32 network and its weight-only int8 version,
  /// and the largest fp32 output for scale.
  static func mlpError() -> (maxError: Double, largestOutput: Double) {
    guard let (model, input) = mlp,
      let quantized = try? ReferenceQuantizer.dequantizedPerRow(model),
      let exact = try? model.forward(input, batch: mlpBatch),
      let approximate = try? quantized.forward(input, batch: mlpBatch)
    else { return (.nan, .nan) }
    let maxError = zip(exact, approximate).reduce(0.0) { max($0, abs(Double($1.0) - Double($1.1))) }
    return (maxError, exact.reduce(0.0) { max($0, abs(Double($1))) })
  }

  /// 20000 seeded gradient magnitudes whose base-2 exponents are bell-shaped around −21 with a
  /// spread of 5, as activation gradients of a deep network tend to be. Made once: the figures
  /// and every histogram of the picture read them.
  static let gradients = makeGradients()

  private static func makeGradients() -> [Float] {
    var random = SeededGenerator(seed: seed &+ 2)
    return (0..<20_000).map { _ in
      // Box–Muller: two uniforms give one normally distributed exponent.
      let u = Double.random(in: Double.ulpOfOne..<1, using: &random)
      let v = Double.random(in: 0..<1, using: &random)
      let normal = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
      let exponent = -21 + 5 * normal
      let magnitude = Float(exp2(exponent))
      return Bool.random(using: &random) ? magnitude : -magnitude
    }
  }

  /// Of `gradients`, the fractions that vanish (round to 0), that survive only as subnormals
  /// (fewer than 11 significant bits), and that overflow (round to ±∞) in fp16 under loss scale
  /// `scale`.
  static func fp16Losses(_ gradients: [Float], scale: Float)
    -> (vanished: Double, subnormal: Double, overflowed: Double)
  {
    var vanished = 0
    var subnormal = 0
    var overflowed = 0
    for g in gradients {
      let stored = HalfPrecision.round(g * scale)
      if stored == 0 { vanished += 1 }
      if stored != 0 && stored.magnitude < HalfPrecision.leastNormalMagnitude { subnormal += 1 }
      if stored.isInfinite { overflowed += 1 }
    }
    let count = Double(max(1, gradients.count))
    return (Double(vanished) / count, Double(subnormal) / count, Double(overflowed) / count)
  }
}
