import { OperationLabels } from './operation-labels';

describe('OperationLabels', () => {
  it('keeps GraphQL names, then counts new ones as other once the cap is reached', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('Login', true)).toBe('Login');
    expect(labels.label('Me', true)).toBe('Me');
    expect(labels.label('Third', true)).toBe('other');
    expect(labels.label('Login', true)).toBe('Login');
  });

  it('never uses a long or odd name, and says when there was no operation', () => {
    const labels = new OperationLabels();
    expect(labels.label('x'.repeat(65), true)).toBe('other');
    expect(labels.label('bad name"}', true)).toBe('other');
    expect(labels.label(null, true)).toBe('anonymous');
    expect(labels.label('Login', false)).toBe('invalid');
  });
});
