import Harness
import ServingAndFinetuning

/// Reference solution of LoRALinear: the forward and backward of y = x·Wᵀ + s·x·Aᵀ·Bᵀ.
public struct LoRALayer: LoRALinear {
  public init() {}

  public func makeAdapter(
    w: [Float], dIn: Int, dOut: Int, rank: Int, alpha: Float, seed: UInt64
  ) throws -> LoRAWeights {
    guard dIn > 0, dOut > 0, rank > 0 else {
      throw ServingError.invalidConfiguration("dIn \(dIn), dOut \(dOut), rank \(rank)")
    }
    guard w.count == dOut * dIn else {
      throw ServingError.shapeMismatch("w has \(w.count) elements, not \(dOut) × \(dIn)")
    }
    var random = SeededGenerator(seed: seed)
    let bound = 1 / Float(dIn).squareRoot()
    let a = (0..<rank * dIn).map { _ in Float.random(in: -bound...bound, using: &random) }
    // B = 0: the adapted layer starts exactly as the base layer.
    let b = [Float](repeating: 0, count: dOut * rank)
    return LoRAWeights(dIn: dIn, dOut: dOut, rank: rank, alpha: alpha, w: w, a: a, b: b)
  }

  public func forward(_ layer: LoRAWeights, input: [Float], batch: Int) throws -> [Float] {
    try check(layer, input, batch)
    let h = multiplyTransposed(input, layer.a, rows: batch, inner: layer.dIn, columns: layer.rank)
    var y = multiplyTransposed(input, layer.w, rows: batch, inner: layer.dIn, columns: layer.dOut)
    let update = multiplyTransposed(h, layer.b, rows: batch, inner: layer.rank, columns: layer.dOut)
    for index in y.indices { y[index] += layer.scaling * update[index] }
    return y
  }

  public func backward(
    _ layer: LoRAWeights, input: [Float], batch: Int, outputGradient: [Float],
    gradients: GradientStore
  ) throws -> [Float] {
    try check(layer, input, batch)
    guard outputGradient.count == batch * layer.dOut else {
      throw ServingError.shapeMismatch("outputGradient has \(outputGradient.count) elements")
    }
    let (r, dIn, dOut, s) = (layer.rank, layer.dIn, layer.dOut, layer.scaling)
    let h = multiplyTransposed(input, layer.a, rows: batch, inner: dIn, columns: r)
    // gB = g·B (batch × r), the gradient reaching h, scaled by s.
    var gh = multiply(outputGradient, layer.b, rows: batch, inner: dOut, columns: r)
    for index in gh.indices { gh[index] *= s }
    // ∂L/∂B = s·gᵀ·h and ∂L/∂A = ghᵀ·x, each a sum over the batch.
    var gradB = [Float](repeating: 0, count: dOut * r)
    var gradA = [Float](repeating: 0, count: r * dIn)
    for row in 0..<batch {
      for o in 0..<dOut {
        let g = s * outputGradient[row * dOut + o]
        for k in 0..<r { gradB[o * r + k] += g * h[row * r + k] }
      }
      for k in 0..<r {
        let g = gh[row * r + k]
        for i in 0..<dIn { gradA[k * dIn + i] += g * input[row * dIn + i] }
      }
    }
    try gradients.store("A", gradA)
    try gradients.store("B", gradB)
    // ∂L/∂x = g·W + gh·A: W is frozen but the gradient still flows through it.
    var gradX = multiply(outputGradient, layer.w, rows: batch, inner: dOut, columns: dIn)
    let viaAdapter = multiply(gh, layer.a, rows: batch, inner: r, columns: dIn)
    for index in gradX.indices { gradX[index] += viaAdapter[index] }
    return gradX
  }

  public func trainableParameters(dIn: Int, dOut: Int, rank: Int) throws -> Int {
    guard dIn > 0, dOut > 0, rank > 0 else {
      throw ServingError.invalidConfiguration("dIn \(dIn), dOut \(dOut), rank \(rank)")
    }
    // A is r × dIn, B is dOut × r.
    return rank * (dIn + dOut)
  }

  private func check(_ layer: LoRAWeights, _ input: [Float], _ batch: Int) throws {
    guard layer.dIn > 0, layer.dOut > 0, layer.rank > 0, batch >= 0 else {
      throw ServingError.invalidConfiguration(
        "dIn \(layer.dIn), dOut \(layer.dOut), rank \(layer.rank), batch \(batch)")
    }
    guard layer.w.count == layer.dOut * layer.dIn, layer.a.count == layer.rank * layer.dIn,
      layer.b.count == layer.dOut * layer.rank, input.count == batch * layer.dIn
    else {
      throw ServingError.shapeMismatch("the matrices or the input do not match dIn, dOut, rank")
    }
  }

  /// x (rows × inner) times mᵀ, where m is columns × inner.
  private func multiplyTransposed(
    _ x: [Float], _ m: [Float], rows: Int, inner: Int, columns: Int
  ) -> [Float] {
    var out = [Float](repeating: 0, count: rows * columns)
    for row in 0..<rows {
      for column in 0..<columns {
        var sum: Float = 0
        for k in 0..<inner { sum += x[row * inner + k] * m[column * inner + k] }
        out[row * columns + column] = sum
      }
    }
    return out
  }

  /// x (rows × inner) times m (inner × columns).
  private func multiply(_ x: [Float], _ m: [Float], rows: Int, inner: Int, columns: Int) -> [Float]
  {
    var out = [Float](repeating: 0, count: rows * columns)
    for row in 0..<rows {
      for k in 0..<inner {
        let value = x[row * inner + k]
        for column in 0..<columns { out[row * columns + column] += value * m[k * columns + column] }
      }
    }
    return out
  }
}
