/// The decoder architectures `workbook calc --config` counts exactly, by the class name a
/// Hugging Face config.json gives in `architectures` (or, without it, by `model_type`).
public enum ModelArchitecture: String, CaseIterable, Sendable {
  /// Llama: RMSNorm, rotary positions, SwiGLU MLP, no biases unless `attention_bias` or
  /// `mlp_bias` say so; `num_key_value_heads` below the head count is grouped-query attention.
  case llama = "LlamaForCausalLM"
  /// Mistral: Llama's layout with grouped-query attention (its sliding window adds no weights).
  case mistral = "MistralForCausalLM"
  /// Qwen2: Llama's layout with biases on the query, key and value projections.
  case qwen2 = "Qwen2ForCausalLM"
  /// GPT-2: learned position embeddings, LayerNorm, fused `c_attn`, biases everywhere, and an
  /// output head tied to the token embeddings.
  case gpt2 = "GPT2LMHeadModel"
  /// GPT-NeoX (Pythia): rotary positions, LayerNorm, fused `query_key_value`, biases, an
  /// untied output head `embed_out`.
  case gptNeoX = "GPTNeoXForCausalLM"

  /// The `model_type` value of the same architecture.
  public var modelType: String {
    switch self {
    case .llama: return "llama"
    case .mistral: return "mistral"
    case .qwen2: return "qwen2"
    case .gpt2: return "gpt2"
    case .gptNeoX: return "gpt_neox"
    }
  }

  /// Whether the decoder is Llama-shaped (separate q, k, v, o projections and a gated MLP).
  public var isLlamaFamily: Bool { self == .llama || self == .mistral || self == .qwen2 }

  /// The modules PEFT adapts when no target is named (its
  /// TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING).
  public var defaultLoRATargets: [String] {
    switch self {
    case .llama, .mistral, .qwen2: return ["q_proj", "v_proj"]
    case .gpt2: return ["c_attn"]
    case .gptNeoX: return ["query_key_value"]
    }
  }

  /// The class names calc knows, for messages.
  public static var known: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
