// The ServingAndFinetuning runner: the only process that links Exercises/ServingAndFinetuning.
// It records the student's answers to the graders' questions; the judge decides (see Harness's
// `Judge`).
import Harness
import ServingAndFinetuningExercises
import ServingAndFinetuningGraders

Runner.main(
  ServingAndFinetuningGraders.self,
  (
    sizing: KVCacheCalculator(), pagedCache: PagedCache.self, lora: LoRALayer(),
    quantizer: BlockQuantizer(), adam: Adam8bitOptimizer()
  ))
