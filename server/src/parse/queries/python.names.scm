; Imports, bindings and attribute assignments. Run only where a name is written
; (analysis/nameIndex.ts), never over the whole tree.

; Imported modules: `import openai`, `import openai as oa`, `from openai import AzureOpenAI`.
(import_statement
  name: [
    (dotted_name) @import.module
    (aliased_import name: (dotted_name) @import.module alias: (identifier) @import.alias)
  ])
(import_from_statement
  module_name: (dotted_name) @import.module)

; Names bound by an import, with the module they come from (relative modules too): a client
; imported from another module is a receiver whose origin this file cannot see.
(import_from_statement
  module_name: (_) @import.from
  name: [
    (dotted_name) @import.name
    (aliased_import alias: (identifier) @import.name)
  ])

; Bindings, for value resolution (the assigned value is read from the name's parent): `NAME = value` (also annotated), and names bound some
; other way (which make a name's value unknown).
(assignment
  left: (identifier) @def.name
  right: (_))
(assignment
  left: [(pattern_list) (tuple_pattern) (list_pattern)] @def.pattern)
(augmented_assignment
  left: (identifier) @def.other)
(for_statement
  left: (_) @def.pattern)
(named_expression
  name: (identifier) @def.other)
; `with AzureOpenAI(...) as client:` binds the context manager (an SDK client returns itself)
(as_pattern
  alias: (as_pattern_target (identifier) @def.name))
; functions, classes and comprehension variables are bound here too (not free names)

; Attribute assignments: `self.client = AzureOpenAI(...)`, `openai.api_type = "azure"`. The object
; and the attribute name are read from the target in code (analysis/nameIndex.ts: attributeParts):
; spelled out as field patterns they cost more to compile than to read.
(assignment
  left: (attribute) @attr.target
  right: (_) @attr.value)

; Renamed imports: `from openai import AzureOpenAI as Az` (constructor names by alias).
(import_from_statement
  name: (aliased_import
    name: (dotted_name) @rename.name
    alias: (identifier) @rename.alias))
