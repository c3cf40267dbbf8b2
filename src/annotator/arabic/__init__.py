"""Pure Arabic text tools: tokens and clitics, normalisation with offset maps, numbers."""
