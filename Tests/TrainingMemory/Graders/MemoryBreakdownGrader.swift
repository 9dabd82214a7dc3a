import Harness
import TrainingMemory

/// Grades MemoryBreakdown against the lecture's and the papers' figures and against the closed
/// form written out below in 128-bit arithmetic, on fixed and seeded random set-ups.
func gradeMemoryBreakdown(_ accountant: some MemoryAccounting, _ checks: CheckRecorder) {
  checks.check("the lecture's GPT-3 175B in fp32 with Adam: 700 GB of weights, 2.1 TB more") {
    let setup = try TrainingSetup(parameters: 175_000_000_000)
    let result = try attempt("breakdown of 175B, fp32, Adam") { try accountant.breakdown(setup) }
    try requireParts(
      result, Parts(700e9, 700e9, 0, 1400e9, 0), "175B parameters, fp32 weights and Adam state")
    try requireEqual(
      result.gradients &+ result.optimizer, 2_100_000_000_000,
      "gradients + m + v for 175B in fp32 (3 × 175B × 4 B)")
  }
  checks.check("GPT-3 175B's weights alone: 350 GB in fp16") {
    let setup = try TrainingSetup(parameters: 175_000_000_000, weightType: .fp16, optimizer: .none)
    let result = try attempt("breakdown of 175B fp16, no optimizer") {
      try accountant.breakdown(setup)
    }
    try requireParts(result, Parts(350e9, 0, 0, 0, 0), "175B fp16 weights, forward only")
  }
  checks.check("mixed precision with Adam is 16 bytes per parameter (2 + 2 + 4 + 4 + 4)") {
    for parameters: UInt64 in [1, 1_000_000_000, 7_000_000_000] {
      let setup = try TrainingSetup.mixedPrecision(parameters: parameters)
      let result = try attempt("breakdown of \(parameters), mixed") {
        try accountant.breakdown(setup)
      }
      let p = Double(parameters)
      try requireParts(
        result, Parts(2 * p, 2 * p, 4 * p, 8 * p, 0),
        "\(parameters) parameters, mixed precision, Adam")
    }
  }
  checks.check("the flashcards' 13B example, corrected: 208 GB before activations") {
    let setup = try TrainingSetup.mixedPrecision(parameters: 13_000_000_000)
    let result = try attempt("breakdown of 13B, mixed") { try accountant.breakdown(setup) }
    try requireEqual(result.total, 208_000_000_000, "total bytes for 13B, mixed precision Adam")
    try requireParts(result, Parts(26e9, 26e9, 52e9, 104e9, 0), "13B, mixed precision Adam")
  }
  checks.check("SGD keeps no state, momentum one value, Adam two; no optimizer, no gradients") {
    let expectations: [(OptimizerKind, Parts)] = [
      (.sgd, Parts(4000, 4000, 0, 0, 0)), (.momentum, Parts(4000, 4000, 0, 4000, 0)),
      (.adam, Parts(4000, 4000, 0, 8000, 0)), (.none, Parts(4000, 0, 0, 0, 0)),
    ]
    for (optimizer, parts) in expectations {
      let setup = try TrainingSetup(parameters: 1000, optimizer: optimizer)
      let result = try attempt("breakdown with \(optimizer)") { try accountant.breakdown(setup) }
      try requireParts(result, parts, "1000 fp32 parameters with \(optimizer)")
    }
  }
  checks.check("a 1 % trainable finetune of 7B: frozen weights keep only their 14 GB") {
    let setup = try TrainingSetup.mixedPrecision(
      parameters: 7_000_000_000, trainableFraction: 0.01)
    let result = try attempt("breakdown of 7B, 1 % trainable") { try accountant.breakdown(setup) }
    try requireParts(
      result, Parts(14e9, 140e6, 280e6, 560e6, 0), "7B mixed precision, 1 % trainable")
    // 499.5 trainable parameters: the count rounds to the nearest, halves up, never down.
    let half = try TrainingSetup(parameters: 999, trainableFraction: 0.5)
    let halfResult = try attempt("breakdown of 999, half trainable") {
      try accountant.breakdown(half)
    }
    try requireParts(
      halfResult, Parts(3996, 2000, 0, 4000, 0),
      "999 fp32 parameters, half trainable (499.5 rounds to 500 trainable)")
  }
  checks.check("4-bit frozen weights round up to whole bytes; activations count as given") {
    let setup = try TrainingSetup(
      parameters: 7_000_000_001, trainableFraction: 0, weightType: .int4, gradientType: .bf16,
      optimizerStateType: .fp32, masterCopy: true, optimizer: .adam, activationBytes: 123_456)
    let result = try attempt("breakdown of int4 weights") { try accountant.breakdown(setup) }
    try requireParts(
      result, Parts(3_500_000_001.0, 0, 0, 0, 123_456),
      "7,000,000,001 int4 weights, nothing trainable, 123,456 activation bytes")
  }
  checks.check("ZeRO per GPU for 7.5B on 64 GPUs: 120, 31.4, 16.6 and 1.9 GB (ZeRO, Figure 1)") {
    let setup = try TrainingSetup.mixedPrecision(parameters: 7_500_000_000)
    let expected: [Parts] = [
      Parts(15e9, 15e9, 30e9, 60e9, 0),
      Parts(15e9, 15e9, 30e9 / 64, 60e9 / 64, 0),
      Parts(15e9, 15e9 / 64, 30e9 / 64, 60e9 / 64, 0),
      Parts(15e9 / 64, 15e9 / 64, 30e9 / 64, 60e9 / 64, 0),
    ]
    let totals: [UInt64] = [120_000_000_000, 31_406_250_000, 16_640_625_000, 1_875_000_000]
    for stage in 0...3 {
      let result = try attempt("perGPU(7.5B, zeroStage: \(stage), gpus: 64)") {
        try accountant.perGPU(setup, zeroStage: stage, gpus: 64)
      }
      try requireParts(
        result, expected[stage], "7.5B mixed precision, ZeRO stage \(stage), 64 GPUs")
      try requireEqual(result.total, totals[stage], "total per GPU at ZeRO stage \(stage)")
    }
  }
  checks.check("seeded random set-ups against the closed form") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for _ in 0..<2000 {
      let setup = try randomSetup(&random)
      let result = try attempt("breakdown(\(show(setup)))") { try accountant.breakdown(setup) }
      try requireParts(result, expectedParts(setup), show(setup))
    }
  }
  checks.check("seeded random ZeRO stages and GPU counts against the closed form") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    for _ in 0..<2000 {
      let setup = try randomSetup(&random)
      let stage = Int.random(in: 0...3, using: &random)
      let gpus = Int.random(in: 1...1024, using: &random)
      let result = try attempt("perGPU(\(show(setup)), zeroStage: \(stage), gpus: \(gpus))") {
        try accountant.perGPU(setup, zeroStage: stage, gpus: gpus)
      }
      try requireParts(
        result, shardedParts(expectedParts(setup), stage: stage, gpus: gpus),
        "\(show(setup)), ZeRO stage \(stage) on \(gpus) GPUs")
    }
  }
  checks.check("sizes beyond 64 bits, bad stages and GPU counts throw instead of wrapping") {
    let fine = try TrainingSetup.mixedPrecision(parameters: 1000)
    _ = try attempt("breakdown of 1000 parameters") { try accountant.breakdown(fine) }
    let huge = try TrainingSetup(parameters: UInt64(1) << 62)
    try requireThrows("breakdown of 2⁶² fp32 parameters with Adam (2⁶⁶ bytes)") {
      _ = try accountant.breakdown(huge)
    }
    let sum = try TrainingSetup(
      parameters: UInt64(1) << 61, optimizer: .none, activationBytes: UInt64.max - 5)
    try requireThrows("breakdown whose parts fit but whose total does not") {
      _ = try accountant.breakdown(sum)
    }
    try requireThrows("perGPU with zeroStage: 4") {
      _ = try accountant.perGPU(fine, zeroStage: 4, gpus: 8)
    }
    try requireThrows("perGPU with zeroStage: -1") {
      _ = try accountant.perGPU(fine, zeroStage: -1, gpus: 8)
    }
    try requireThrows("perGPU with gpus: 0") {
      _ = try accountant.perGPU(fine, zeroStage: 2, gpus: 0)
    }
  }
}

/// Expected bytes per component, wide enough that no sum of them can overflow.
struct Parts: Equatable {
  var weights, gradients, master, optimizer, activations: UInt128

  var total: UInt128 { weights + gradients + master + optimizer + activations }
}

extension Parts {
  /// Exact values written as Doubles (all are whole numbers well below 2⁵³).
  init(
    _ weights: Double, _ gradients: Double, _ master: Double, _ optimizer: Double,
    _ activations: Double
  ) {
    self.init(
      weights: UInt128(weights), gradients: UInt128(gradients), master: UInt128(master),
      optimizer: UInt128(optimizer), activations: UInt128(activations))
  }
}

/// Fails with every component that differs, naming the set-up.
private func requireParts(_ actual: MemoryBreakdown, _ expected: Parts, _ what: String) throws {
  let pairs: [(String, UInt64, UInt128)] = [
    ("weights", actual.weights, expected.weights),
    ("gradients", actual.gradients, expected.gradients),
    ("master", actual.master, expected.master),
    ("optimizer", actual.optimizer, expected.optimizer),
    ("activations", actual.activations, expected.activations),
    ("total", actual.total, expected.total),
  ]
  let wrong = pairs.filter { UInt128($0.1) != $0.2 }
  guard !wrong.isEmpty else { return }
  let listed = wrong.map { "\($0.0) expected \($0.2), got \($0.1)" }.joined(separator: "; ")
  throw CheckFailure("\(what): \(listed)")
}

/// Bits per element, from the formats' definitions.
private func bits(_ type: ElementType) -> UInt128 {
  switch type {
  case .fp64: return 64
  case .fp32, .tf32: return 32
  case .fp16, .bf16: return 16
  case .fp8, .int8: return 8
  case .int4: return 4
  }
}

/// Whole bytes for `count` elements: ⌈count · bits / 8⌉.
private func bytes(_ count: UInt128, _ type: ElementType) -> UInt128 {
  (count * bits(type) + 7) / 8
}

/// The closed form of the accounting rules.
private func expectedParts(_ setup: TrainingSetup) -> Parts {
  let trained: UInt128
  if setup.optimizer == .none {
    trained = 0
  } else {
    let exact = (Double(setup.parameters) * setup.trainableFraction).rounded()
    trained = exact >= Double(setup.parameters) ? UInt128(setup.parameters) : UInt128(exact)
  }
  let states: UInt128 = setup.optimizer == .adam ? 2 : setup.optimizer == .momentum ? 1 : 0
  return Parts(
    weights: bytes(UInt128(setup.parameters), setup.weightType),
    gradients: bytes(trained, setup.gradientType), master: setup.masterCopy ? 4 * trained : 0,
    optimizer: bytes(states * trained, setup.optimizerStateType),
    activations: UInt128(setup.activationBytes))
}

/// ZeRO's sharding applied to whole-model parts: ⌈x / N⌉ for each sharded component.
private func shardedParts(_ parts: Parts, stage: Int, gpus: Int) -> Parts {
  let n = UInt128(gpus)
  func shard(_ x: UInt128, _ from: Int) -> UInt128 { stage >= from ? (x + n - 1) / n : x }
  return Parts(
    weights: shard(parts.weights, 3), gradients: shard(parts.gradients, 2),
    master: shard(parts.master, 1), optimizer: shard(parts.optimizer, 1),
    activations: parts.activations)
}

/// A random set-up small enough never to overflow: up to 10¹³ parameters.
private func randomSetup(_ random: inout SeededGenerator) throws -> TrainingSetup {
  let magnitude = UInt64.random(in: 0...13, using: &random)
  var scale: UInt64 = 1
  for _ in 0..<magnitude { scale *= 10 }
  let parameters = UInt64.random(in: 1...scale, using: &random)
  let fractions: [Double] = [0, 1, 0.01, 0.5, Double.random(in: 0...1, using: &random)]
  return try TrainingSetup(
    parameters: parameters,
    trainableFraction: fractions.randomElement(using: &random) ?? 1,
    weightType: ElementType.allCases.randomElement(using: &random) ?? .fp32,
    gradientType: ElementType.allCases.randomElement(using: &random) ?? .fp32,
    optimizerStateType: ElementType.allCases.randomElement(using: &random) ?? .fp32,
    masterCopy: Bool.random(using: &random),
    optimizer: OptimizerKind.allCases.randomElement(using: &random) ?? .adam,
    activationBytes: Bool.random(using: &random)
      ? 0 : UInt64.random(in: 0...1 << 40, using: &random))
}

/// A set-up in one line, for failure messages.
private func show(_ setup: TrainingSetup) -> String {
  "\(setup.parameters) parameters, \(setup.trainableFraction) trainable, weights "
    + "\(setup.weightType), gradients \(setup.gradientType), state \(setup.optimizerStateType), "
    + "master \(setup.masterCopy ? "yes" : "no"), \(setup.optimizer), "
    + "\(setup.activationBytes) activation bytes"
}
