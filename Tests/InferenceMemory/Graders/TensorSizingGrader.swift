import Harness
import InferenceMemory

/// Grades TensorSizing against closed forms written here: bits per element from each format's
/// definition, elements as the product of the dimensions, bytes rounded up, and GPT-3's count
/// from its architecture; plus literal values worked out by hand.
func gradeTensorSizing(_ sizing: some TensorSizing, _ checks: CheckRecorder) {
  checks.check("one element of each type") {
    let expected: [(ElementType, Int)] = [
      (.fp64, 8), (.fp32, 4), (.tf32, 4), (.fp16, 2), (.bf16, 2), (.fp8, 1), (.int8, 1),
      (.int4, 1),
    ]
    for (element, bytes) in expected {
      try requireEqual(
        try sizing.tensorBytes(shape: [1], element: element), bytes,
        "tensorBytes(shape: [1], element: .\(element.name))")
    }
  }
  checks.check("int4 packs two elements per byte and rounds an odd count up") {
    let cases: [([Int], Int)] = [([2], 1), ([3], 2), ([4], 2), ([5, 3], 8), ([7, 7, 7], 172)]
    for (shape, bytes) in cases {
      try requireEqual(
        try sizing.tensorBytes(shape: shape, element: .int4), bytes,
        "tensorBytes(shape: \(shape), element: .int4)")
    }
  }
  checks.check("scalars, empty tensors and the lesson's shapes") {
    let cases: [([Int], ElementType, Int)] = [
      ([], .fp32, 4), ([0, 1024], .fp32, 0), ([2, 3], .fp16, 12),
      ([32, 64, 112, 112], .fp32, 102_760_448),
      ([1, 2048, 12_288], .fp16, 50_331_648), ([64, 1024], .fp32, 262_144),
    ]
    for (shape, element, bytes) in cases {
      try requireEqual(
        try sizing.tensorBytes(shape: shape, element: element), bytes,
        "tensorBytes(shape: \(shape), element: .\(element.name))")
    }
  }
  checks.check("seeded random shapes in every type") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<2_000 {
      let rank = Int.random(in: 0...5, using: &random)
      let shape = (0..<rank).map { _ in Int.random(in: 0...97, using: &random) }
      let element = ElementType.allCases.randomElement(using: &random) ?? .fp32
      try requireEqual(
        try sizing.tensorBytes(shape: shape, element: element), oracleBytes(shape, element),
        "tensorBytes(shape: \(shape), element: .\(element.name))")
    }
  }
  checks.check("activations of convolution, MLP and transformer layers") {
    try requireEqual(
      try sizing.convolutionActivationBytes(
        batch: 32, channels: 64, height: 112, width: 112, element: .fp32),
      102_760_448, "convolutionActivationBytes(batch: 32, channels: 64, 112 × 112, .fp32)")
    try requireEqual(
      try sizing.transformerActivationBytes(
        batch: 1_562, sequence: 2048, hidden: 12_288, element: .fp16),
      78_618_034_176,
      "transformerActivationBytes(batch: 1562, sequence: 2048, hidden: 12288, .fp16)")
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for _ in 0..<1_000 {
      let (b, c, h, w) = (
        Int.random(in: 1...64, using: &random), Int.random(in: 1...512, using: &random),
        Int.random(in: 1...227, using: &random), Int.random(in: 1...227, using: &random)
      )
      let element = ElementType.allCases.randomElement(using: &random) ?? .fp32
      try requireEqual(
        try sizing.convolutionActivationBytes(
          batch: b, channels: c, height: h, width: w, element: element),
        oracleBytes([b, c, h, w], element),
        "convolutionActivationBytes(batch: \(b), channels: \(c), height: \(h), width: \(w), "
          + ".\(element.name))")
      let (m, p) = (Int.random(in: 1...4096, using: &random), Int.random(in: 1...9, using: &random))
      try requireEqual(
        try sizing.mlpActivationBytes(batch: b, m: m, p: p, element: element),
        oracleBytes([b, m, p], element),
        "mlpActivationBytes(batch: \(b), m: \(m), p: \(p), .\(element.name))")
      let (l, hidden) = (
        Int.random(in: 1...8192, using: &random), Int.random(in: 1...16_384, using: &random)
      )
      try requireEqual(
        try sizing.transformerActivationBytes(
          batch: b, sequence: l, hidden: hidden, element: element),
        oracleBytes([b, l, hidden], element),
        "transformerActivationBytes(batch: \(b), sequence: \(l), hidden: \(hidden), "
          + ".\(element.name))")
    }
  }
  checks.check("the GPT-3 family's parameter counts") {
    // (layers, d_model, count): counts worked out by hand from 12·L·d² + (50257 + 2048)·d.
    let family: [(String, Int, Int, Int)] = [
      ("Small", 12, 768, 125_104_896), ("Medium", 24, 1024, 355_550_208),
      ("Large", 24, 1536, 759_817_728), ("XL", 24, 2048, 1_315_080_192),
      ("2.7B", 32, 2560, 2_650_483_200), ("6.7B", 32, 4096, 6_656_692_224),
      ("13B", 40, 5140, 12_950_255_700), ("13B with 40 × 128", 40, 5120, 12_850_713_600),
      ("175B", 96, 12_288, 174_588_899_328),
    ]
    for (name, layers, width, count) in family {
      try requireEqual(
        try sizing.gpt3Parameters(layers: layers, dModel: width, vocabulary: 50257, context: 2048),
        count, "gpt3Parameters for GPT-3 \(name) (layers: \(layers), dModel: \(width))")
      try requireEqual(
        count, oracleParameters(layers, width, 50257, 2048),
        "the grader's own closed form for GPT-3 \(name)")
    }
  }
  checks.check("seeded random architectures") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    for _ in 0..<1_000 {
      let layers = Int.random(in: 1...128, using: &random)
      let width = Int.random(in: 1...20_000, using: &random)
      let vocabulary = Int.random(in: 2...256_000, using: &random)
      let context = Int.random(in: 1...32_768, using: &random)
      try requireEqual(
        try sizing.gpt3Parameters(
          layers: layers, dModel: width, vocabulary: vocabulary, context: context),
        oracleParameters(layers, width, vocabulary, context),
        "gpt3Parameters(layers: \(layers), dModel: \(width), vocabulary: \(vocabulary), "
          + "context: \(context))")
    }
  }
  checks.check("weight bytes in every type") {
    try requireEqual(
      try sizing.weightBytes(parameters: 175_000_000_000, element: .fp16), 350_000_000_000,
      "weightBytes(parameters: 175e9, element: .fp16)")
    try requireEqual(
      try sizing.weightBytes(parameters: 13_000_000_000, element: .int4), 6_500_000_000,
      "weightBytes(parameters: 13e9, element: .int4)")
    try requireEqual(
      try sizing.weightBytes(parameters: 125_104_896, element: .fp32), 500_419_584,
      "weightBytes(parameters: 125104896, element: .fp32)")
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 3)
    for _ in 0..<1_000 {
      let parameters = Int.random(in: 0...400_000_000_000, using: &random)
      let element = ElementType.allCases.randomElement(using: &random) ?? .fp32
      try requireEqual(
        try sizing.weightBytes(parameters: parameters, element: element),
        oracleBytes([parameters], element),
        "weightBytes(parameters: \(parameters), element: .\(element.name))")
    }
  }
}

/// Bits of one stored element, from each format's definition.
private func oracleBits(_ element: ElementType) -> Int {
  switch element {
  case .fp64: return 64
  case .fp32, .tf32: return 32
  case .fp16, .bf16: return 16
  case .fp8, .int8: return 8
  case .int4: return 4
  }
}

/// Elements times bits, rounded up to whole bytes.
private func oracleBytes(_ shape: [Int], _ element: ElementType) -> Int {
  var elements = 1
  for dimension in shape { elements *= dimension }
  let bits = elements * oracleBits(element)
  return bits / 8 + (bits % 8 == 0 ? 0 : 1)
}

/// GPT-3's parameter count: blocks plus embeddings.
private func oracleParameters(_ layers: Int, _ width: Int, _ vocabulary: Int, _ context: Int)
  -> Int
{
  layers * (12 * width * width) + width * (vocabulary + context)
}
