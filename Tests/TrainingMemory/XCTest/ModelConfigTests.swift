import Foundation
import TrainingMemory
import XCTest

/// `workbook calc --config`: exact counts for configs written from published architecture
/// numbers (Tests/Fixtures/ModelConfigs), LoRA against PEFT's printed figures, quantized
/// weights, optimizer state, the KV cache, and one-line errors naming the file and field.
/// Every expected number is written by hand from the architecture, never taken from the code.
final class ModelConfigTests: XCTestCase {
  /// A fixture config, read as the command reads it.
  private func fixture(_ name: String) throws -> ModelConfig {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/ModelConfigs/\(name)/config.json")
    return try ModelConfig(json: String(contentsOf: url, encoding: .utf8), file: name)
  }

  private func estimate(_ name: String, _ options: CalculatorOptions) throws -> CalculatorReport {
    var options = options
    options.config = try fixture(name)
    return try TrainingMemoryCalculator.estimate(options)
  }

  /// Asserts that `body` throws one line equal to `expected`.
  private func assertMessage(
    _ expected: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Void
  ) {
    do {
      try body()
      XCTFail("expected \u{201C}\(expected)\u{201D}", file: file, line: line)
    } catch let error as TrainingMemoryError {
      XCTAssertEqual(error.description, expected, file: file, line: line)
    } catch {
      XCTFail("unexpected error \(error)", file: file, line: line)
    }
  }

  /// A config for `architecture` with `fields` over a small valid Llama's.
  private func config(_ fields: String, architecture: String = "LlamaForCausalLM") throws
    -> ModelConfig
  {
    try ModelConfig(
      json: """
        {"architectures": ["\(architecture)"], "vocab_size": 100, "hidden_size": 64,
         "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4\(fields)}
        """, file: "c.json")
  }
}

// MARK: - Exact parameter counts

extension ModelConfigTests {
  func testPublishedParameterCounts() throws {
    // GPT-2 small: wte 50257×768 + wpe 1024×768 + 12 × (12·768² + 13·768) + ln_f 2·768, tied.
    XCTAssertEqual(try fixture("gpt2").parameterCount(), 124_439_808)
    // Llama-2-7B, multi-head attention, untied.
    XCTAssertEqual(try fixture("llama-2-7b").parameterCount(), 6_738_415_616)
    // Mistral-7B-v0.1, grouped-query attention with 8 kv heads.
    XCTAssertEqual(try fixture("mistral-7b-v0.1").parameterCount(), 7_241_732_096)
    // Qwen2-0.5B: tied embeddings, q/k/v biases, 2 kv heads.
    XCTAssertEqual(try fixture("qwen2-0.5b").parameterCount(), 494_032_768)
    // Pythia-160m (GPT-NeoX): untied embed_out, biases, LayerNorm.
    XCTAssertEqual(try fixture("pythia-160m").parameterCount(), 162_322_944)
  }

  func testTyingAndBiasesChangeTheCountByExactlyTheirTensors() throws {
    let untied = try config("")
    let tied = try config(#", "tie_word_embeddings": true"#)
    XCTAssertEqual(try untied.parameterCount() - tied.parameterCount(), 100 * 64)
    let biased = try config(#", "attention_bias": true, "mlp_bias": true"#)
    // q, k, v, o biases (4·64) and gate, up, down biases (128 + 128 + 64), per layer.
    XCTAssertEqual(try biased.parameterCount() - untied.parameterCount(), 2 * (4 * 64 + 320))
    // GQA: k and v shrink from 64 to 1·16 outputs each.
    let mqa = try config(#", "num_key_value_heads": 1"#)
    XCTAssertEqual(try untied.parameterCount() - mqa.parameterCount(), 2 * 2 * 64 * (64 - 16))
    // GPT-2's n_inner, when given, replaces 4·n_embd.
    let narrow = try ModelConfig(
      json: #"{"model_type": "gpt2", "vocab_size": 10, "n_positions": 8, "n_embd": 16,"#
        + #" "n_layer": 1, "n_head": 2, "n_inner": 32}"#, file: "g.json")
    // wte + wpe, per block ln_1, c_attn, c_proj, ln_2, c_fc (16→32), c_proj (32→16), ln_f.
    let embeddings: UInt64 = 10 * 16 + 8 * 16
    let attention: UInt64 = 32 + (48 * 16 + 48) + (16 * 16 + 16)
    let mlp: UInt64 = 32 + (32 * 16 + 32) + (16 * 32 + 16)
    XCTAssertEqual(try narrow.parameterCount(), embeddings + attention + mlp + 32)
  }

  func testTheReportShowsTheCountAndTheArchitecture() throws {
    let report = try estimate("mistral-7b-v0.1", CalculatorOptions())
    XCTAssertEqual(report.parameters, 7_241_732_096)
    XCTAssertEqual(report.trainableParameters, 7_241_732_096)
    // Mixed-precision Adam: 16 bytes per parameter, activations beside.
    XCTAssertEqual(report.breakdown.total - report.breakdown.activations, 16 * 7_241_732_096)
    let table = report.table()
    for fragment in ["7,241,732,096 parameters", "MistralForCausalLM", "grouped-query"] {
      XCTAssertTrue(table.contains(fragment), "table lacks \(fragment):\n\(table)")
    }
  }
}

// MARK: - LoRA

extension ModelConfigTests {
  func testLoRACountsMatchPEFT() throws {
    func lora(_ name: String, _ rank: Int, _ targets: String? = nil) throws -> UInt64 {
      try LoRAPlan(config: try fixture(name), rank: rank, targets: targets).parameters()
    }
    // PEFT, Llama-2-7B, r = 8 on q_proj, v_proj: "trainable params: 4,194,304".
    XCTAssertEqual(try lora("llama-2-7b", 8), 8 * (4096 + 4096) * 2 * 32)
    XCTAssertEqual(try lora("llama-2-7b", 8, "q_proj,v_proj"), 4_194_304)
    // GQA: v_proj's d_out is kv_heads · head_dim = 8 · 128 = 1024 (PEFT prints 3,407,872).
    XCTAssertEqual(try lora("mistral-7b-v0.1", 8), 32 * (8 * (4096 + 4096) + 8 * (4096 + 1024)))
    XCTAssertEqual(try lora("mistral-7b-v0.1", 8), 3_407_872)
    // all-linear on Llama-2-7B, r = 16 (PEFT prints 39,976,960): q, k, v, o, then gate, up,
    // down.
    XCTAssertEqual(
      try lora("llama-2-7b", 16, "all-linear"),
      32 * (4 * 16 * (4096 + 4096) + 3 * 16 * (4096 + 11008)))
    XCTAssertEqual(try lora("llama-2-7b", 16, "all-linear"), 39_976_960)
    // GPT-2's default target c_attn (768 → 2304), r = 8 (PEFT prints 294,912).
    XCTAssertEqual(try lora("gpt2", 8), 12 * 8 * (768 + 2304))
    // "c_proj" names two modules in GPT-2, as PEFT's suffix match finds them.
    XCTAssertEqual(try lora("gpt2", 4, "c_proj"), 12 * (4 * (768 + 768) + 4 * (3072 + 768)))
    // Qwen2-0.5B: q 896 → 896, v 896 → 2 · 64.
    XCTAssertEqual(try lora("qwen2-0.5b", 8), 24 * (8 * (896 + 896) + 8 * (896 + 128)))
    // Pythia's default target query_key_value (768 → 2304).
    XCTAssertEqual(try lora("pythia-160m", 8), 12 * 8 * (768 + 2304))
  }

  func testLoRAReportPrintsPEFTsLine() throws {
    let report = try estimate("llama-2-7b", CalculatorOptions(loraRank: 8))
    XCTAssertEqual(report.trainableParameters, 4_194_304)
    XCTAssertTrue(
      report.table().contains(
        "trainable params: 4,194,304 || all params: 6,742,609,920 || trainable%: 0.0622"),
      report.table())
    // fp16 base and adapters, then the adapters' fp16 gradients, fp32 master and Adam state.
    XCTAssertEqual(report.breakdown.weights, 2 * (6_738_415_616 + 4_194_304))
    XCTAssertEqual(report.breakdown.gradients, 2 * 4_194_304)
    XCTAssertEqual(report.breakdown.master, 4 * 4_194_304)
    XCTAssertEqual(report.breakdown.optimizer, 8 * 4_194_304)
  }

  func testBadLoRA() {
    assertMessage(
      "--lora-targets: LlamaForCausalLM has no module \u{201C}c_attn\u{201D}; its linear layers "
        + "are q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj (or all-linear)"
    ) { _ = try self.estimate("llama-2-7b", CalculatorOptions(loraRank: 8, loraTargets: "c_attn")) }
    assertMessage("--lora-rank must be at least 1, not 0") {
      _ = try self.estimate("llama-2-7b", CalculatorOptions(loraRank: 0))
    }
    assertMessage(
      "--lora-rank needs --config: which matrices it touches comes from the architecture"
    ) {
      _ = try TrainingMemoryCalculator.estimate(CalculatorOptions(parameters: "7B", loraRank: 8))
    }
  }
}

// MARK: - Quantized weights and optimizer state

extension ModelConfigTests {
  /// Llama-2-7B's linear weights per layer: q, k, v, o (4096²) and gate, up, down (4096·11008).
  private var llamaLinear: UInt64 { 4 * 4096 * 4096 + 3 * 4096 * 11008 }
  /// Its 16-bit rest: embeddings, lm_head, 65 RMSNorm weights of 4096, 2 bytes each.
  private var llamaRest: UInt64 { 2 * (2 * 32_000 * 4096 + 65 * 4096) }

  func testQuantizedWeightsWhenServing() throws {
    func weights(_ format: String) throws -> UInt64 {
      try estimate("llama-2-7b", CalculatorOptions(optimizer: "none", weights: format))
        .breakdown.weights
    }
    // int4: half a byte each plus a 2-byte scale per 128.
    XCTAssertEqual(
      try weights("int4"), 32 * (llamaLinear / 2 + 2 * (llamaLinear / 128)) + llamaRest)
    // int8: a byte each plus an fp32 scale per output row (4·4096 + 2·11008 + 4096 rows).
    XCTAssertEqual(
      try weights("int8"), 32 * (llamaLinear + 4 * (4 * 4096 + 2 * 11008 + 4096)) + llamaRest)
  }

  func testQLoRAWithEightBitAdam() throws {
    let report = try estimate(
      "llama-2-7b",
      CalculatorOptions(optimizer: "adam8bit", loraRank: 8, weights: "nf4"))
    // nf4 per matrix of n: n/2 + n/64 one-byte absmax + 4 bytes per 256 absmax.
    func nf4(_ n: UInt64) -> UInt64 { n / 2 + n / 64 + 4 * ((n / 64 + 255) / 256) }
    let perLayer = 4 * nf4(4096 * 4096) + 3 * nf4(4096 * 11008)
    XCTAssertEqual(report.breakdown.weights, 32 * perLayer + llamaRest + 2 * 4_194_304)
    // 128 adapter tensors of 8·4096 values: 2 bytes each plus two fp32 absmax per 2048.
    XCTAssertEqual(report.breakdown.optimizer, 128 * (2 * 8 * 4096 + 8 * (8 * 4096 / 2048)))
    XCTAssertTrue(report.table().contains("nf4 weights: 4 bits"))
    XCTAssertTrue(report.table().contains("adam8bit: m and v in 8 bits"))
  }

  func testEightBitAdamKeepsSmallTensorsInFP32() throws {
    // GPT-2, r = 1 on c_attn: A has 768 values and B 2304, both under 4096: 2 × 4 bytes each.
    let report = try estimate(
      "gpt2", CalculatorOptions(optimizer: "adam8bit", loraRank: 1))
    XCTAssertEqual(report.breakdown.optimizer, 12 * 8 * (768 + 2304))
  }

  func testAdafactorFactorsEveryMatrix() throws {
    let report = try estimate("gpt2", CalculatorOptions(precision: "fp32", optimizer: "adafactor"))
    // rows + columns: wte, wpe; per block c_attn, attn c_proj, c_fc, mlp c_proj; vectors in full.
    let matrices: UInt64 = (50257 + 768) + (1024 + 768) + 12 * (3072 + 1536 + 3840 + 3840)
    let vectors: UInt64 = 12 * 13 * 768 + 2 * 768
    XCTAssertEqual(report.breakdown.optimizer, 4 * (matrices + vectors))
  }

  func testBadCombinations() {
    assertMessage(
      "--weights nf4 stores frozen weights: train adapters with --lora-rank, or serve with "
        + "--kv-cache or --optimizer none"
    ) { _ = try self.estimate("llama-2-7b", CalculatorOptions(weights: "nf4")) }
    assertMessage("unknown --weights \u{201C}int3\u{201D}; use int8, int4 or nf4") {
      _ = try self.estimate("llama-2-7b", CalculatorOptions(optimizer: "none", weights: "int3"))
    }
    assertMessage(
      "--optimizer adafactor needs --config: its factored state depends on each matrix's shape"
    ) {
      _ = try TrainingMemoryCalculator.estimate(
        CalculatorOptions(parameters: "7B", optimizer: "adafactor"))
    }
    assertMessage("give one of --model, --params or --config, not several") {
      _ = try self.estimate("gpt2", CalculatorOptions(parameters: "7B"))
    }
    assertMessage("--layers comes from --config gpt2; leave it out") {
      _ = try self.estimate("gpt2", CalculatorOptions(layers: 3))
    }
  }

  func testEightBitAdamOnABareCount() throws {
    // One flat tensor of 10⁹ values: 2 bytes each plus two fp32 absmax per 2048.
    let report = try TrainingMemoryCalculator.estimate(
      CalculatorOptions(parameters: "1B", optimizer: "adam8bit"))
    XCTAssertEqual(report.breakdown.optimizer, 2_000_000_000 + 8 * ((1_000_000_000 + 2047) / 2048))
  }
}

// MARK: - KV cache and what fits

extension ModelConfigTests {
  func testKVCacheBytesPerToken() throws {
    func perToken(_ name: String, _ precision: String? = nil) throws -> UInt64 {
      try estimate(
        name, CalculatorOptions(kvCache: true, context: 1, kvPrecision: precision)
      ).kvCacheBytesPerToken
    }
    XCTAssertEqual(try perToken("llama-2-7b"), 2 * 32 * 32 * 128 * 2)  // 0.5 MiB
    XCTAssertEqual(try perToken("mistral-7b-v0.1"), 2 * 32 * 8 * 128 * 2)
    XCTAssertEqual(try perToken("mistral-7b-v0.1", "fp8"), 2 * 32 * 8 * 128)
    XCTAssertEqual(try perToken("qwen2-0.5b", "int8"), 2 * 24 * 2 * 64)
    XCTAssertEqual(try perToken("gpt2"), 2 * 12 * 12 * 64 * 2)
  }

  func testServingFitsAndTheLargestBatchAndContext() throws {
    let report = try estimate(
      "mistral-7b-v0.1",
      CalculatorOptions(batch: 8, gpuMemory: "24GB", kvCache: true, context: 4096))
    let weights: UInt64 = 2 * 7_241_732_096
    let perToken: UInt64 = 2 * 32 * 8 * 128 * 2
    XCTAssertEqual(report.cache?.bytes, perToken * 4096 * 8)
    XCTAssertEqual(report.total, weights + perToken * 4096 * 8)
    XCTAssertEqual(report.fits, true)
    XCTAssertEqual(report.headroom?.largestBatch, (24_000_000_000 - weights) / (perToken * 4096))
    XCTAssertEqual(report.headroom?.largestBatch, 17)
    XCTAssertEqual(report.headroom?.largestContext, (24_000_000_000 - weights) / (perToken * 8))
    XCTAssertEqual(report.headroom?.largestContext, 9075)
    let table = report.table()
    XCTAssertTrue(table.contains("yes,"), table)
    XCTAssertTrue(table.contains("largest batch at 4,096 tokens: 17 sequences"), table)
  }

  func testWithoutAContextTheLargestOneIsCounted() throws {
    let report = try estimate(
      "llama-2-7b", CalculatorOptions(gpuMemory: "16GiB", kvCache: true))
    let room: UInt64 = 16 * 1_073_741_824 - 2 * 6_738_415_616
    XCTAssertEqual(report.cache?.context, room / 524_288)
    XCTAssertEqual(report.fits, true)
    XCTAssertTrue(report.table().contains("beyond the model's 4,096 positions"), report.table())
  }

  func testNothingFitsWhenTheWeightsAloneDoNot() throws {
    let report = try estimate(
      "llama-2-7b",
      CalculatorOptions(gpuMemory: "12GB", kvCache: true, context: 4096))
    XCTAssertEqual(report.fits, false)
    XCTAssertEqual(report.headroom?.largestBatch, 0)
    XCTAssertTrue(report.table().contains("no, "), report.table())
  }

  func testTrainingSolvesTheActivationsExactly() throws {
    // Korthikanti per layer s·b·h·34 + 5·a·s²·b with GPT-2's L = 12, h = 768, a = 12: the
    // largest batch at s = 1024 after 16 bytes per parameter of mixed-precision Adam in 8 GB.
    let report = try estimate("gpt2", CalculatorOptions(gpuMemory: "8GB", context: 1024))
    let perSequence: UInt64 = 12 * (1024 * 768 * 34 + 5 * 12 * 1024 * 1024)
    XCTAssertEqual(report.headroom?.largestBatch, (8_000_000_000 - 16 * 124_439_808) / perSequence)
  }

  func testJSONCarriesTheNewKeys() throws {
    let report = try estimate(
      "qwen2-0.5b", CalculatorOptions(kvCache: true, context: 1000, loraRank: 8))
    let json = report.json()
    for fragment in [
      "\"parameters\": 494032768", "\"trainableParameters\": 0",
      "\"kvCacheBytesPerToken\": 12288", "\"kvCacheBytes\": 12288000", "\"largestBatch\": null",
    ] {
      XCTAssertTrue(json.contains(fragment), "json lacks \(fragment): \(json)")
    }
  }
}

// MARK: - Bad configs

extension ModelConfigTests {
  func testBadConfigsNameTheFileAndTheField() {
    assertMessage("c.json: not valid JSON: expected a key at line 2, column 1") {
      _ = try ModelConfig(json: "{\"a\": 1,\n}", file: "c.json")
    }
    assertMessage("c.json: not valid JSON: the document ends inside a bracket at line 1, column 9")
    {
      _ = try ModelConfig(json: "{\"a\": 1 ", file: "c.json")
    }
    assertMessage("c.json: not a JSON object (a config.json holds one {...})") {
      _ = try ModelConfig(json: "[1]", file: "c.json")
    }
    assertMessage(
      "c.json: architectures: unknown architecture \u{201C}BertForMaskedLM\u{201D}; calc counts "
        + "LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM, GPT2LMHeadModel, "
        + "GPTNeoXForCausalLM"
    ) { _ = try self.config("", architecture: "BertForMaskedLM") }
    assertMessage("c.json: architectures: missing (and no model_type either)") {
      _ = try ModelConfig(json: "{\"hidden_size\": 4}", file: "c.json")
    }
    for (fields, message) in [
      (
        #", "num_key_value_heads": 0"#,
        "c.json: num_key_value_heads: must be a positive integer, not 0"
      ),
      (
        #", "num_key_value_heads": -2"#,
        "c.json: num_key_value_heads: must be a positive integer, not -2"
      ),
      (
        #", "num_key_value_heads": 2.5"#,
        "c.json: num_key_value_heads: must be a positive integer, not 2.5"
      ),
      (
        #", "num_key_value_heads": "2""#,
        "c.json: num_key_value_heads: must be a positive integer, not \u{201C}2\u{201D}"
      ),
      (
        #", "num_key_value_heads": 3"#,
        "c.json: num_key_value_heads: 3 does not divide num_attention_heads 4"
      ),
      (#", "tie_word_embeddings": 1"#, "c.json: tie_word_embeddings: must be true or false, not 1"),
      (
        #", "num_hidden_layers": 99999999999"#,
        "c.json: num_hidden_layers: is too large: 99999999999 (at most 2,147,483,648)"
      ),
    ] {
      assertMessage(message) { _ = try self.config(fields) }
    }
    assertMessage("g.json: n_embd: missing") {
      _ = try ModelConfig(json: #"{"model_type": "gpt2", "n_layer": 1}"#, file: "g.json")
    }
    assertMessage("g.json: n_head: 5 heads do not divide n_embd 16") {
      _ = try ModelConfig(
        json: #"{"model_type": "gpt2", "vocab_size": 10, "n_positions": 8, "n_embd": 16,"#
          + #" "n_layer": 1, "n_head": 5}"#, file: "g.json")
    }
  }

  func testJSONReaderKeepsStringsAndNumbersExact() throws {
    let value = try JSONValue.parse(#" {"a": [1, -0.5e3, true, null], "b\u00e9\n": "x\"y"} "#)
    XCTAssertEqual(
      value,
      .object([
        "a": .array([.number("1"), .number("-0.5e3"), .bool(true), .null]),
        "b\u{E9}\n": .string("x\"y"),
      ]))
    XCTAssertThrowsError(try JSONValue.parse("01"))
    XCTAssertThrowsError(try JSONValue.parse("{} {}"))
    XCTAssertThrowsError(try JSONValue.parse(String(repeating: "[", count: 10_000)))
  }
}
