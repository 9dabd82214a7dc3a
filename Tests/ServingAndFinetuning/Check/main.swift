import Harness
import ServingAndFinetuningExercises
import ServingAndFinetuningGraders

Checker.main(
  ServingAndFinetuningGraders.exercises(
    sizing: KVCacheCalculator(), pagedCache: PagedCache.self, lora: LoRALayer(),
    quantizer: BlockQuantizer(), adam: Adam8bitOptimizer()))
