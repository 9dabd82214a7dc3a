import Harness
import ServingAndFinetuning

/// Grades LoRALinear against a naive oracle in Double (the forward written out, the gradients
/// in closed form), finite differences of the student's own forward, and a metered gradient
/// store that shows which gradient buffers the backward made.
func gradeLoRALinear(_ lora: some LoRALinear, _ checks: CheckRecorder) {
  checks.check("makeAdapter: B starts at zero, A uniform in ±1/√dIn, the same seed the same A") {
    let (dIn, dOut, rank) = (48, 20, 4)
    let w = (0..<dIn * dOut).map { Float($0 % 7) - 3 }
    let layer = try lora.makeAdapter(w: w, dIn: dIn, dOut: dOut, rank: rank, alpha: 8, seed: 11)
    try requireEqual(layer.w, w, "makeAdapter's W (frozen: the base weight unchanged)")
    try requireEqual(
      [layer.dIn, layer.dOut, layer.rank], [dIn, dOut, rank], "makeAdapter's dIn, dOut, rank")
    try requireEqual(layer.alpha, 8, "makeAdapter's alpha")
    try requireEqual(layer.b, [Float](repeating: 0, count: dOut * rank), "B at the start (zeros)")
    try requireEqual(layer.a.count, rank * dIn, "A's element count (rank × dIn)")
    let bound = 1 / Float(dIn).squareRoot()
    try require(
      layer.a.allSatisfy { abs($0) <= bound } && Set(layer.a).count > layer.a.count / 2,
      "A should be drawn uniformly from [−1/√dIn, 1/√dIn] = ±\(bound), got \(layer.a.prefix(6))…")
    let again = try lora.makeAdapter(w: w, dIn: dIn, dOut: dOut, rank: rank, alpha: 8, seed: 11)
    try requireEqual(again.a, layer.a, "A from the same seed twice")
    let other = try lora.makeAdapter(w: w, dIn: dIn, dOut: dOut, rank: rank, alpha: 8, seed: 12)
    try require(other.a != layer.a, "A from seeds 11 and 12 should differ")
  }
  checks.check("forward of a layer worked by hand, scaled by α / r") {
    // W = [[1, 0], [0, 1]], A = [[1, 1]], B = [[2], [−1]], α = 2, r = 1: s = 2.
    let layer = LoRAWeights(
      dIn: 2, dOut: 2, rank: 1, alpha: 2, w: [1, 0, 0, 1], a: [1, 1], b: [2, -1])
    // x = [3, 4]: x·Wᵀ = [3, 4]; x·Aᵀ = 7; s·7·Bᵀ = [28, −14].
    try requireEqual(
      try lora.forward(layer, input: [3, 4], batch: 1), [31, -10], "forward(x = [3, 4])")
    var rankTwo = layer
    rankTwo.rank = 2
    rankTwo.alpha = 2
    rankTwo.a = [1, 1, 1, -1]
    rankTwo.b = [2, 0, -1, 1]
    // r = 2, s = 1: x·Aᵀ = [7, −1]; ·Bᵀ = [14, −8].
    try requireEqual(
      try lora.forward(rankTwo, input: [3, 4], batch: 1), [17, -4],
      "forward(x = [3, 4]) at rank 2, α = 2")
  }
  checks.check("with B = 0 the adapted layer is the base layer") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    let (dIn, dOut, batch) = (24, 16, 3)
    let w = randomFloats(dIn * dOut, -1...1, &random)
    let layer = try lora.makeAdapter(w: w, dIn: dIn, dOut: dOut, rank: 4, alpha: 16, seed: 3)
    let x = randomFloats(batch * dIn, -1...1, &random)
    let base = oracleForward(
      LoRAWeights(dIn: dIn, dOut: dOut, rank: 4, alpha: 16, w: w, a: layer.a, b: layer.b), x, batch)
    try requireAllClose(
      try lora.forward(layer, input: x, batch: batch), base, absolute: 1e-5, relative: 1e-5,
      "forward with a fresh adapter (x·Wᵀ)")
  }
  checks.check("forward on seeded layers: y = x·Wᵀ + (α / r)·x·Aᵀ·Bᵀ") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for _ in 0..<6 {
      let (layer, x, batch) = randomLayer(&random)
      try requireAllClose(
        try lora.forward(layer, input: x, batch: batch), oracleForward(layer, x, batch),
        absolute: 1e-4, relative: 1e-4,
        "forward, dIn \(layer.dIn), dOut \(layer.dOut), rank \(layer.rank), α \(layer.alpha)")
    }
  }
  checks.check("backward: ∂L/∂A and ∂L/∂B against the closed form") {
    try forSeededBackwards(seed: 2) { layer, x, batch, g in
      let store = GradientStore()
      _ = try lora.backward(layer, input: x, batch: batch, outputGradient: g, gradients: store)
      let oracle = oracleBackward(layer, x, batch, g)
      let shape = "dIn \(layer.dIn), dOut \(layer.dOut), rank \(layer.rank), α \(layer.alpha)"
      for (name, expected) in [("A", oracle.a), ("B", oracle.b)] {
        try requireAllClose(
          store.gradient(name) ?? [], expected, absolute: 1e-4, relative: 1e-4,
          "the gradient stored as \"\(name)\" (\(shape))")
      }
    }
  }
  checks.check("backward: ∂L/∂x flows through the frozen W and through the adapter") {
    try forSeededBackwards(seed: 3) { layer, x, batch, g in
      let dx = try lora.backward(
        layer, input: x, batch: batch, outputGradient: g, gradients: GradientStore())
      try requireAllClose(
        dx, oracleBackward(layer, x, batch, g).x, absolute: 1e-4, relative: 1e-4,
        "∂L/∂x returned by backward (g·W + (α / r)·(g·B)·A)")
    }
  }
  checks.check("finite differences of your forward agree with your backward") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 4)
    let (layer, x, batch) = randomLayer(&random, small: true)
    // L = Σ c·y is linear in A, in B and in x separately, so a central difference is exact up
    // to rounding whatever the step.
    let c = randomFloats(batch * layer.dOut, -1...1, &random)
    func loss(_ l: LoRAWeights, _ input: [Float]) throws -> Double {
      zip(try lora.forward(l, input: input, batch: batch), c).reduce(0) {
        $0 + Double($1.0) * Double($1.1)
      }
    }
    let store = GradientStore()
    let dx = try lora.backward(layer, input: x, batch: batch, outputGradient: c, gradients: store)
    let h: Float = 0.5
    // A first, then B: each adapter matrix against the finite difference of forward.
    for (name, matrix) in [("A", \LoRAWeights.a), ("B", \LoRAWeights.b)] {
      for index in layer[keyPath: matrix].indices {
        var plus = layer
        var minus = layer
        plus[keyPath: matrix][index] += h
        minus[keyPath: matrix][index] -= h
        let numeric = (try loss(plus, x) - loss(minus, x)) / Double(2 * h)
        try requireClose(
          Double(store.gradient(name)?[index] ?? .nan), numeric,
          tolerance: 1e-3 + 1e-3 * abs(numeric),
          "∂L/∂\(name)[\(index)] vs the finite difference of forward")
      }
    }
    for index in x.indices {
      var plus = x
      var minus = x
      plus[index] += h
      minus[index] -= h
      let numeric = (try loss(layer, plus) - loss(layer, minus)) / Double(2 * h)
      try requireClose(
        Double(dx[index]), numeric, tolerance: 1e-3 + 1e-3 * abs(numeric),
        "∂L/∂x[\(index)] vs the finite difference of forward")
    }
  }
  checks.check("the store holds gradients for A and B only, none the size of W") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 5)
    let (dIn, dOut, rank, batch) = (64, 40, 4, 2)
    let layer = LoRAWeights(
      dIn: dIn, dOut: dOut, rank: rank, alpha: 8, w: randomFloats(dIn * dOut, -1...1, &random),
      a: randomFloats(rank * dIn, -1...1, &random), b: randomFloats(dOut * rank, -1...1, &random))
    let store = GradientStore()
    _ = try lora.backward(
      layer, input: randomFloats(batch * dIn, -1...1, &random), batch: batch,
      outputGradient: randomFloats(batch * dOut, -1...1, &random), gradients: store)
    let sizes = store.buffers.map { "\($0.name): \($0.count)" }.joined(separator: ", ")
    try require(
      store.largestBuffer < dIn * dOut,
      "a gradient buffer of \(store.largestBuffer) elements, the size of the frozen W "
        + "(\(dOut) × \(dIn)): W needs no gradient (stored: \(sizes))")
    try requireEqual(
      store.buffers.map(\.name).sorted(), ["A", "B"], "names of the stored gradients (\(sizes))")
    try requireEqual(
      store.totalElements, rank * (dIn + dOut),
      "gradient elements stored, r·(dIn + dOut) (\(sizes))")
  }
  checks.check("trainable count r·(dIn + dOut): 4194304 for r = 8 on q and v of Llama 2 7B") {
    let perMatrix = try lora.trainableParameters(dIn: 4096, dOut: 4096, rank: 8)
    try requireEqual(perMatrix * 2 * 32, 4_194_304, "trainableParameters(4096, 4096, 8) × 2 × 32")
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 6)
    for _ in 0..<50 {
      let (dIn, dOut) = (
        Int.random(in: 1...20000, using: &random), Int.random(in: 1...20000, using: &random)
      )
      let rank = Int.random(in: 1...256, using: &random)
      try requireEqual(
        try lora.trainableParameters(dIn: dIn, dOut: dOut, rank: rank), rank * (dIn + dOut),
        "trainableParameters(dIn: \(dIn), dOut: \(dOut), rank: \(rank))")
    }
  }
  checks.check("shapes that do not match are refused") {
    let layer = LoRAWeights(
      dIn: 2, dOut: 2, rank: 1, alpha: 1, w: [1, 0, 0, 1], a: [1, 1], b: [0, 0])
    try requireShapeMismatch("forward with 3 inputs for dIn 2, batch 1") {
      try lora.forward(layer, input: [1, 2, 3], batch: 1)
    }
    var short = layer
    short.a = [1]
    try requireShapeMismatch("forward with A of 1 element for rank 1 × dIn 2") {
      try lora.forward(short, input: [1, 2], batch: 1)
    }
    try requireShapeMismatch("backward with 3 output gradients for dOut 2, batch 1") {
      try lora.backward(
        layer, input: [1, 2], batch: 1, outputGradient: [1, 2, 3], gradients: GradientStore())
    }
    try requireInvalidConfiguration("trainableParameters(dIn: 4, dOut: 4, rank: 0)") {
      try lora.trainableParameters(dIn: 4, dOut: 4, rank: 0)
    }
  }
}

/// Calls `body` on six seeded random layers, each with its input, batch and an output gradient
/// in −1...1 drawn after it, from the grading seed plus `seed`.
private func forSeededBackwards(
  seed: UInt64, _ body: (LoRAWeights, [Float], Int, [Float]) throws -> Void
) throws {
  var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ seed)
  for _ in 0..<6 {
    let (layer, x, batch) = randomLayer(&random)
    try body(layer, x, batch, randomFloats(batch * layer.dOut, -1...1, &random))
  }
}

/// A random layer with nonzero B, and a batch of inputs.
private func randomLayer(_ random: inout SeededGenerator, small: Bool = false)
  -> (LoRAWeights, [Float], Int)
{
  let dIn = small ? 5 : Int.random(in: 3...40, using: &random)
  let dOut = small ? 4 : Int.random(in: 3...40, using: &random)
  let rank = small ? 2 : Int.random(in: 1...8, using: &random)
  let batch = small ? 2 : Int.random(in: 1...4, using: &random)
  let alpha = [1, 8, 16, 32].randomElement(using: &random) ?? 16
  let layer = LoRAWeights(
    dIn: dIn, dOut: dOut, rank: rank, alpha: Float(alpha),
    w: randomFloats(dIn * dOut, -1...1, &random), a: randomFloats(rank * dIn, -1...1, &random),
    b: randomFloats(dOut * rank, -1...1, &random))
  return (layer, randomFloats(batch * dIn, -1...1, &random), batch)
}

/// y[n][o] = Σᵢ x[n][i]·W[o][i] + s·Σₖ (Σᵢ x[n][i]·A[k][i])·B[o][k], in Double.
private func oracleForward(_ l: LoRAWeights, _ x: [Float], _ batch: Int) -> [Double] {
  let s = Double(l.alpha) / Double(l.rank)
  var y: [Double] = []
  for n in 0..<batch {
    let h = (0..<l.rank).map { k in
      (0..<l.dIn).reduce(0.0) { $0 + Double(x[n * l.dIn + $1]) * Double(l.a[k * l.dIn + $1]) }
    }
    for o in 0..<l.dOut {
      let base = (0..<l.dIn).reduce(0.0) {
        $0 + Double(x[n * l.dIn + $1]) * Double(l.w[o * l.dIn + $1])
      }
      let adapter = (0..<l.rank).reduce(0.0) { $0 + h[$1] * Double(l.b[o * l.rank + $1]) }
      y.append(base + s * adapter)
    }
  }
  return y
}

/// The closed-form gradients in Double: ∂L/∂A, ∂L/∂B, ∂L/∂x.
private func oracleBackward(_ l: LoRAWeights, _ x: [Float], _ batch: Int, _ g: [Float])
  -> (a: [Double], b: [Double], x: [Double])
{
  let s = Double(l.alpha) / Double(l.rank)
  var gradA = [Double](repeating: 0, count: l.rank * l.dIn)
  var gradB = [Double](repeating: 0, count: l.dOut * l.rank)
  var gradX = [Double](repeating: 0, count: batch * l.dIn)
  for n in 0..<batch {
    let h = (0..<l.rank).map { k in
      (0..<l.dIn).reduce(0.0) { $0 + Double(x[n * l.dIn + $1]) * Double(l.a[k * l.dIn + $1]) }
    }
    // u[k] = s·Σₒ g[o]·B[o][k]: the gradient reaching h.
    let u = (0..<l.rank).map { k in
      s
        * (0..<l.dOut).reduce(0.0) {
          $0 + Double(g[n * l.dOut + $1]) * Double(l.b[$1 * l.rank + k])
        }
    }
    for o in 0..<l.dOut {
      for k in 0..<l.rank { gradB[o * l.rank + k] += s * Double(g[n * l.dOut + o]) * h[k] }
    }
    for k in 0..<l.rank {
      for i in 0..<l.dIn { gradA[k * l.dIn + i] += u[k] * Double(x[n * l.dIn + i]) }
    }
    for i in 0..<l.dIn {
      var sum = 0.0
      for o in 0..<l.dOut { sum += Double(g[n * l.dOut + o]) * Double(l.w[o * l.dIn + i]) }
      for k in 0..<l.rank { sum += u[k] * Double(l.a[k * l.dIn + i]) }
      gradX[n * l.dIn + i] = sum
    }
  }
  return (gradA, gradB, gradX)
}
