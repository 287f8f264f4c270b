export class ListCustomersQuery {}
