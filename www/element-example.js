// Registers <jixiao-check>; the element does the rest.
import { defineElement } from './embed.js';

defineElement();
