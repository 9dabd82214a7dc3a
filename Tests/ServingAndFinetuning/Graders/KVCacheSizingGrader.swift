import Harness
import ServingAndFinetuning

/// Grades KVCacheSizing against the closed form 2 × layers × kvHeads × headDim × bytes, written
/// here, on published models and seeded random configurations.
func gradeKVCacheSizing(_ sizing: some KVCacheSizing, _ checks: CheckRecorder) {
  checks.check("Llama 2 7B: 524288 bytes per token, 2 GiB for a 4096-token sequence") {
    let model = AttentionConfig(
      layers: 32, queryHeads: 32, kvHeads: 32, headDim: 128, bytesPerElement: 2)
    try requireEqual(try sizing.bytesPerToken(model), 524_288, "bytesPerToken(\(model))")
    try requireEqual(
      try sizing.bytesPerSequence(model, tokens: 4096), 1 << 31,
      "bytesPerSequence(\(model), tokens: 4096)")
    try requireEqual(
      try sizing.bytesPerBatch(model, tokens: 4096, batch: 8), 1 << 34,
      "bytesPerBatch(\(model), tokens: 4096, batch: 8)")
  }
  checks.check("grouped-query attention counts kv heads, not query heads (Llama 2 70B)") {
    let model = AttentionConfig(
      layers: 80, queryHeads: 64, kvHeads: 8, headDim: 128, bytesPerElement: 2)
    try requireEqual(try sizing.bytesPerToken(model), 327_680, "bytesPerToken(\(model))")
    var eightBit = model
    eightBit.bytesPerElement = 1
    try requireEqual(
      try sizing.bytesPerSequence(eightBit, tokens: 4096), 671_088_640,
      "bytesPerSequence(\(eightBit), tokens: 4096)")
  }
  checks.check("multi-query attention (one kv head) and an odd head count") {
    // Falcon 7B: 71 query heads of 64 share one key-value head.
    let mqa = AttentionConfig(
      layers: 32, queryHeads: 71, kvHeads: 1, headDim: 64, bytesPerElement: 2)
    try requireEqual(try sizing.bytesPerToken(mqa), 8192, "bytesPerToken(\(mqa))")
    let odd = AttentionConfig(layers: 3, queryHeads: 25, kvHeads: 5, headDim: 7, bytesPerElement: 1)
    try requireEqual(try sizing.bytesPerToken(odd), 210, "bytesPerToken(\(odd))")
    try requireEqual(
      try sizing.bytesPerBatch(odd, tokens: 3, batch: 5), 3150,
      "bytesPerBatch(\(odd), tokens: 3, batch: 5)")
  }
  checks.check("seeded random configurations: per token, per sequence, per batch") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<200 {
      let model = randomModel(&random)
      let tokens = Int.random(in: 0...32768, using: &random)
      let batch = Int.random(in: 0...64, using: &random)
      let perToken = 2 * model.layers * model.kvHeads * model.headDim * model.bytesPerElement
      try requireEqual(try sizing.bytesPerToken(model), perToken, "bytesPerToken(\(model))")
      try requireEqual(
        try sizing.bytesPerSequence(model, tokens: tokens), perToken * tokens,
        "bytesPerSequence(\(model), tokens: \(tokens))")
      try requireEqual(
        try sizing.bytesPerBatch(model, tokens: tokens, batch: batch), perToken * tokens * batch,
        "bytesPerBatch(\(model), tokens: \(tokens), batch: \(batch))")
    }
  }
  checks.check("the largest batch that fits after the weights") {
    let model = AttentionConfig.llama2With7B
    let card = 24 << 30
    let weights = 6_738_415_616 * 2
    try requireEqual(
      try sizing.largestBatch(model, tokens: 4096, deviceBytes: card, weightBytes: weights), 5,
      "largestBatch(Llama 2 7B, tokens: 4096, a 24 GiB card, fp16 weights)")
    let perSequence = 1 << 31
    // Exactly k caches fit; one byte less fits k − 1; weights that do not fit leave 0.
    try requireEqual(
      try sizing.largestBatch(
        model, tokens: 4096, deviceBytes: weights + 7 * perSequence, weightBytes: weights), 7,
      "largestBatch with room for exactly 7 sequences")
    try requireEqual(
      try sizing.largestBatch(
        model, tokens: 4096, deviceBytes: weights + 7 * perSequence - 1, weightBytes: weights), 6,
      "largestBatch with one byte less than 7 sequences need")
    try requireEqual(
      try sizing.largestBatch(model, tokens: 4096, deviceBytes: 1 << 30, weightBytes: weights), 0,
      "largestBatch when the weights alone exceed the device")
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for _ in 0..<200 {
      let model = randomModel(&random)
      let tokens = Int.random(in: 1...8192, using: &random)
      let device = Int.random(in: 1...(1 << 36), using: &random)
      let weightBytes = Int.random(in: 0...device, using: &random)
      let perSequence =
        2 * model.layers * model.kvHeads * model.headDim * model.bytesPerElement * tokens
      try requireEqual(
        try sizing.largestBatch(
          model, tokens: tokens, deviceBytes: device, weightBytes: weightBytes),
        (device - weightBytes) / perSequence,
        "largestBatch(\(model), tokens: \(tokens), deviceBytes: \(device), weightBytes: \(weightBytes))"
      )
    }
  }
  checks.check("impossible configurations are refused with invalidConfiguration") {
    let good = AttentionConfig.llama2With70B
    var notDividing = good
    notDividing.kvHeads = 6
    try requireInvalidConfiguration("bytesPerToken(\(notDividing))") {
      try sizing.bytesPerToken(notDividing)
    }
    var noLayers = good
    noLayers.layers = 0
    try requireInvalidConfiguration("bytesPerToken(\(noLayers))") {
      try sizing.bytesPerToken(noLayers)
    }
    var noKV = good
    noKV.kvHeads = 0
    try requireInvalidConfiguration("bytesPerSequence(\(noKV), tokens: 1)") {
      try sizing.bytesPerSequence(noKV, tokens: 1)
    }
    try requireInvalidConfiguration("bytesPerSequence(\(good), tokens: -1)") {
      try sizing.bytesPerSequence(good, tokens: -1)
    }
    try requireInvalidConfiguration("bytesPerBatch(\(good), tokens: 8, batch: -2)") {
      try sizing.bytesPerBatch(good, tokens: 8, batch: -2)
    }
  }
}

/// A random model: 1 to 96 layers, kv heads dividing query heads (odd counts and one kv head
/// included), head sizes 1 to 256, 1 or 2 bytes per element.
private func randomModel(_ random: inout SeededGenerator) -> AttentionConfig {
  let kvHeads = [1, 1, 2, 3, 4, 5, 7, 8, 16].randomElement(using: &random) ?? 1
  let group = Int.random(in: 1...9, using: &random)
  return AttentionConfig(
    layers: Int.random(in: 1...96, using: &random), queryHeads: kvHeads * group, kvHeads: kvHeads,
    headDim: Int.random(in: 1...256, using: &random),
    bytesPerElement: Int.random(in: 1...2, using: &random))
}
