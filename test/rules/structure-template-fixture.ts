import type { TemplateDef } from '../../server/src/core/template/schema';

/** A three-section template used by the structure/ rule tests. */
export const mini: TemplateDef = {
  name: 'mini',
  sections: [
    { id: 'I', kind: 'roman', number: 'I', title: 'Kết quả' },
    { id: 'II', kind: 'roman', number: 'II', title: 'Hạn chế' },
    { id: 'III', kind: 'roman', number: 'III', title: 'Bài học' },
  ],
};
