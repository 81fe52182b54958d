// Options a portal misspells must not compile: each line below is an error tsc expects
// (`@ts-expect-error`); were one to compile, `make types` fails on the unused directive.
import { Validator } from './pkg/jixiao.js';
import { attach } from './embed.js';

// @ts-expect-error: `profle` is no option (profile)
new Validator({ profle: 'auto' });
// @ts-expect-error: no such language
new Validator({ profile: 'auto', lang: 'fr' });
// @ts-expect-error: `profle` is no option of attach either
attach(document.body, {}, { profle: 'auto' });
// @ts-expect-error: the field map's `indicators`, misspelt
attach(document.body, { indicator: { rows: 'tr', cells: {} } });
// @ts-expect-error: `traget` is no indicator cell (target)
attach(document.body, { indicators: { rows: 'tr', cells: { traget: '.zbz' } } });
